using Slipway.Engine.Project;
using Slipway.Engine.Project.Packages;

namespace Slipway.Engine.Tests.Project;

public class PackageAdderTests
{
    [Fact]
    public void Name_at_version_for_each_source()
    {
        Assert.Equal(new HubPackageSpec("dbt-labs/dbt_utils", "1.3.0"), PackageAdder.Parse("dbt-labs/dbt_utils@1.3.0", null));
        Assert.Equal(new GitPackageSpec("https://example.org/tide.git", "v0.2.0", null), PackageAdder.Parse("https://example.org/tide.git@v0.2.0", "git"));
        Assert.Equal(new GitPackageSpec("git@example.org:harbor/tide.git", null, null), PackageAdder.Parse("git@example.org:harbor/tide.git", "git"));
        Assert.Equal(new LocalPackageSpec("../shared"), PackageAdder.Parse("../shared", "local"));
        Assert.Throws<ProjectException>(() => PackageAdder.Parse("dbt-labs/dbt_utils", "hub"));
    }

    [Fact]
    public void Adding_appends_or_repins_and_the_file_reads_back()
    {
        using var dir = new TempFolder();
        dir.Write("shop/packages.yml", "# our packages\npackages:\n  - local: ../shared\n  - git: \"https://example.org/tide.git\"\n    revision: v0.1.0\n");

        PackageAdder.AddTo(dir["shop"], new GitPackageSpec("https://example.org/tide.git", "v0.2.0", null));
        PackageAdder.AddTo(dir["shop"], new LocalPackageSpec("../anchors"));

        var (packages, _) = PackagesFile.Read(dir["shop"], null);
        Assert.Equal(
            [new LocalPackageSpec("../shared"), new GitPackageSpec("https://example.org/tide.git", "v0.2.0", null), new LocalPackageSpec("../anchors")],
            packages);
    }

    [Fact]
    public void A_missing_packages_yml_is_created()
    {
        using var dir = new TempFolder();

        var file = PackageAdder.AddTo(dir.Path, new LocalPackageSpec("../shared"));

        Assert.Equal("packages:\n  - local: ../shared\n", File.ReadAllText(file));
    }
}
