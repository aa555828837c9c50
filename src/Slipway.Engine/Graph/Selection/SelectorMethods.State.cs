namespace Slipway.Engine.Graph.Selection;

/// <summary>Methods that compare with an earlier invocation (--state): state, result and source_status.</summary>
internal sealed partial class SelectorMethods
{
    private static readonly string[] StateSelectors =
    [
        "new", "old", "modified", "unmodified", "modified.body", "modified.configs", "modified.persisted_descriptions",
        "modified.relation", "modified.macros", "modified.contract",
    ];

    private HashSet<string>? modifiedMacros;

    private HashSet<int> State(string selector)
    {
        var previous = previousState?.Manifest
            ?? throw new SelectorException("Got a state selector method, but no comparison manifest");
        if (!StateSelectors.Contains(selector))
        {
            throw new SelectorException(
                $"Got an invalid selector \"{selector}\", expected one of \"[{string.Join(", ", StateSelectors.Select(s => "'" + s + "'"))}]\"");
        }
        return Where(m =>
        {
            var old = previous.Find(m.UniqueId);
            return selector switch
            {
                "new" => old is null,
                "old" => old is not null,
                "modified" => IsModified(old, m),
                "unmodified" => !IsModified(old, m),
                "modified.body" => Differs(old, m, s => s.Body),
                "modified.configs" => Differs(old, m, s => s.Config),
                "modified.persisted_descriptions" => Differs(old, m, s => s.PersistedDescriptions),
                "modified.relation" => Differs(old, m, s => s.Relation),
                "modified.contract" => Differs(old, m, s => s.Contract),
                _ => MacrosModified(m, previous),
            };
        });
    }

    /// <summary>
    /// A modified.* check: members whose kind has no such property never match; otherwise a member matches when
    /// it is new or the property changed.
    /// </summary>
    private static bool Differs(GraphMember? old, GraphMember current, Func<StateFingerprint, string?> part)
    {
        if (current.State is not { } state || part(state) is not { } now)
        {
            return false;
        }
        return old?.State is not { } before || part(before) != now;
    }

    /// <summary>state:modified: new, or any compared part changed, or an upstream macro changed.</summary>
    private bool IsModified(GraphMember? old, GraphMember current)
    {
        if (old is null || current.State is null || old.State is null)
        {
            // dbt's documentation: "state:modified" includes all new nodes.
            return true;
        }
        var (now, before) = (current.State, old.State);
        var contentsDiffer = now.Body != before.Body
            || now.Config != before.Config
            || now.PersistedDescriptions != before.PersistedDescriptions
            || now.Relation != before.Relation
            || now.Contract != before.Contract
            || now.Other != before.Other;
        return contentsDiffer || MacrosModified(current, previousState!.Manifest!);
    }

    /// <summary>Whether any macro the member calls, directly or through other macros, changed, appeared or vanished.</summary>
    private bool MacrosModified(GraphMember member, ManifestGraph previous)
    {
        modifiedMacros ??= FindModifiedMacros(previous);
        if (modifiedMacros.Count == 0)
        {
            return false;
        }
        var visited = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Stack<string>(member.DependsOnMacros);
        while (pending.TryPop(out var macro))
        {
            if (!visited.Add(macro))
            {
                continue;
            }
            if (modifiedMacros.Contains(macro))
            {
                return true;
            }
            if (Graph.Macros.TryGetValue(macro, out var info))
            {
                foreach (var called in info.DependsOnMacros)
                {
                    pending.Push(called);
                }
            }
        }
        return false;
    }

    private HashSet<string> FindModifiedMacros(ManifestGraph previous)
    {
        var modified = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (id, macro) in Graph.Macros)
        {
            if (!previous.Macros.TryGetValue(id, out var old) || old.MacroSql != macro.MacroSql)
            {
                modified.Add(id);
            }
        }
        foreach (var id in previous.Macros.Keys)
        {
            if (!Graph.Macros.ContainsKey(id))
            {
                modified.Add(id);
            }
        }
        return modified;
    }

    private HashSet<int> Result(string selector)
    {
        var statuses = previousState?.ResultStatuses
            ?? throw new SelectorException("The result: method needs run_results.json in the --state directory, and none was found.");
        return Where(m => statuses.TryGetValue(m.UniqueId, out var status) && status == selector);
    }

    private HashSet<int> SourceStatus(string selector)
    {
        var previous = previousState?.Sources
            ?? throw new SelectorException("No previous state comparison freshness results in sources.json");
        var current = previousState.SourcesCurrent
            ?? throw new SelectorException("No current state comparison freshness results in sources.json");
        var matches = new HashSet<string>(StringComparer.Ordinal);
        if (selector == "fresher")
        {
            foreach (var (id, loadedAt) in current.MaxLoadedAt)
            {
                if (!previous.MaxLoadedAt.TryGetValue(id, out var before) || loadedAt > before)
                {
                    matches.Add(id);
                }
            }
            matches.RemoveWhere(id => previous.RuntimeErrors.Contains(id) || current.RuntimeErrors.Contains(id));
        }
        return Where(m => matches.Contains(m.UniqueId));
    }
}
