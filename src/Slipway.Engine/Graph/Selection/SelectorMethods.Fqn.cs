namespace Slipway.Engine.Graph.Selection;

/// <summary>The fqn method: a name, a dotted package.folder.name prefix, or a wildcard pattern over the fqn.</summary>
internal sealed partial class SelectorMethods
{
    private HashSet<int> Fqn(string selector)
    {
        var parts = selector.Split('.');
        if (Wildcard.HasWildcard(selector))
        {
            if (Wildcard.HasWildcard(parts[0]))
            {
                return WhereIndexed(i => FqnMatches(i, selector, parts));
            }
            // A wildcard after the first part still needs the first part to match the fqn's first part exactly.
            var prefixed = new HashSet<int>(Lookup(index.FqnFirstParts, parts[0]));
            prefixed.RemoveWhere(i => !included[i] || !FqnMatches(i, selector, parts));
            return prefixed;
        }
        // Without wildcards a match needs the selector's name as a leaf, or its first part as the fqn's first part
        // (scoped or unscoped), so the candidates come from the index.
        var candidates = new HashSet<int>(Lookup(index.FqnNames, selector));
        candidates.UnionWith(Lookup(index.FqnFirstParts, parts[0]));
        if (parts.Length >= 2)
        {
            candidates.UnionWith(Lookup(index.FqnNames, parts[^2] + "_" + parts[^1]));
        }
        candidates.RemoveWhere(i => !included[i] || !FqnMatches(i, selector, parts));
        return candidates;
    }

    private bool FqnMatches(int i, string selector, string[] parts)
    {
        var member = Graph.Member(i);
        if (member.Collection == MemberCollection.Source)
        {
            return false;
        }
        var flat = index.FlatFqn(i);
        // First the fqn with its package, then without it, so that names match across packages.
        return IsSelectedNode(member.Fqn, 0, flat, 0, selector, parts, member.IsVersioned)
            || IsSelectedNode(member.Fqn, 1, flat, index.UnscopedOffset(i), selector, parts, member.IsVersioned);
    }

    private HashSet<int> WhereIndexed(Func<int, bool> predicate)
    {
        var result = new HashSet<int>();
        for (var i = 0; i < included.Length; i++)
        {
            if (included[i] && predicate(i))
            {
                result.Add(i);
            }
        }
        return result;
    }

    /// <summary>dbt's is_selected_node over fqn[fqnStart..], whose flattened form is flat[flatStart..].</summary>
    private static bool IsSelectedNode(
        IReadOnlyList<string> fqn, int fqnStart, string[] flat, int flatStart, string selector, string[] parts, bool versioned)
    {
        var length = fqn.Count - fqnStart;
        if (length <= 0)
        {
            return false;
        }
        if (versioned && length >= 2)
        {
            if (fqn[^2] == selector)
            {
                return true;
            }
            var lastTwo = parts.Length >= 2 ? parts[^2] + "_" + parts[^1] : parts[0];
            if (fqn[^2] + "_" + fqn[^1] == lastTwo)
            {
                return true;
            }
        }
        else if (!versioned && fqn[^1] == selector)
        {
            return true;
        }

        var flatLength = flat.Length - flatStart;
        if (flatLength < parts.Length)
        {
            return false;
        }
        for (var p = 0; p < parts.Length; p++)
        {
            if (Wildcard.HasWildcard(parts[p]))
            {
                if (p == parts.Length - 1 && parts[p] == "*")
                {
                    return true;
                }
                // From the first wildcard on, the rest of the fqn must match the rest of the pattern.
                return Wildcard.IsMatch(string.Join('.', flat, flatStart + p, flatLength - p), string.Join('.', parts, p, parts.Length - p));
            }
            if (flat[flatStart + p] != parts[p])
            {
                return false;
            }
        }
        return true;
    }
}
