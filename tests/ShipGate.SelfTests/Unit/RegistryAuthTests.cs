using System.Text;
using ShipGate.Fixtures.Cluster;

namespace ShipGate.SelfTests.Unit;

/// <summary>
/// The gate's own pull carries the credentials `docker login` wrote (the engine API never reads the CLI's config),
/// and the digest a phase records is the one its image reference pins or the engine pulled for that repository.
/// </summary>
[Trait("Category", "Unit")]
public sealed class RegistryAuthTests
{
    private static string Config(string key, string user, string password)
    {
        var auth = Convert.ToBase64String(Encoding.UTF8.GetBytes($"{user}:{password}"));
        return $"{{\"auths\": {{\"{key}\": {{\"auth\": \"{auth}\"}}}}}}";
    }

    [Theory]
    [InlineData("ghcr.io", "ghcr.io/acme/ai-memory:v0.7.0")]
    [InlineData("https://ghcr.io", "ghcr.io/acme/ai-memory@sha256:" + "ab12ab12ab12ab12ab12ab12ab12ab12ab12ab12ab12ab12ab12ab12ab12ab12")]
    [InlineData("localhost:5000", "localhost:5000/ai-memory:rc1")]
    [InlineData("https://index.docker.io/v1/", "acme/ai-memory:v0.7.0")]
    public void The_logins_credentials_reach_the_images_registry(string key, string image)
    {
        var auth = RegistryAuth.From(Config(key, "bot", "p:w"), image);

        Assert.NotNull(auth);
        Assert.Equal(("bot", "p:w"), (auth.Username, auth.Password));
        Assert.Equal(RegistryAuth.Registry(image), auth.ServerAddress);
    }

    [Fact]
    public void Another_registrys_login_is_not_sent() =>
        Assert.Null(RegistryAuth.From(Config("ghcr.io", "bot", "secret"), "quay.io/acme/ai-memory:v0.7.0"));

    [Fact]
    public void An_identity_token_is_sent_as_one() =>
        Assert.Equal("tok", RegistryAuth.From("""{"auths": {"ghcr.io": {"identitytoken": "tok"}}}""", "ghcr.io/a/b:c")?.IdentityToken);

    [Fact]
    public void A_credential_helper_config_gives_no_credentials() =>
        Assert.Null(RegistryAuth.From("""{"auths": {"ghcr.io": {}}, "credsStore": "desktop"}""", "ghcr.io/a/b:c"));

    [Fact]
    public void A_pinned_reference_is_its_own_digest()
    {
        const string digest = "sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";
        Assert.Equal(digest, ImageResolver.DigestOf($"ghcr.io/acme/ai-memory@{digest}", []));
    }

    [Fact]
    public void A_tag_takes_the_digest_the_engine_pulled_for_its_repository() =>
        Assert.Equal("sha256:bb", ImageResolver.DigestOf("ghcr.io/acme/ai-memory:v0.7.0", ["ghcr.io/other/x@sha256:aa", "ghcr.io/acme/ai-memory@sha256:bb"]));

    [Fact]
    public void A_locally_built_image_has_no_digest() =>
        Assert.Null(ImageResolver.DigestOf("shipgate/reference-node:campaign", []));
}
