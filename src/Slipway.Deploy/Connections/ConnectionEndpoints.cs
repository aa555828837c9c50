using Slipway.Deploy.Api;
using Slipway.Deploy.Audit;
using Slipway.Deploy.Auth;
using Slipway.Deploy.Data;

namespace Slipway.Deploy.Connections;

/// <summary><c>/api/v1/projects/{p}/connections</c>: the warehouses a project's environments use.</summary>
internal static class ConnectionEndpoints
{
    internal sealed record ConnectionRequest(string? Name, string? Type, string? Path, string? Host, int? Port, string? Database);

    public static void MapConnections(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/projects/{projectId:int}/connections").WithTags("connections");
        api.MapGet("", async (int projectId, Access access, DeployDbContext db, CancellationToken ct) =>
        {
            await access.ProjectAsync(projectId, Permission.Read, ct);
            return TypedResults.Ok((await db.Connections.Where(c => c.ProjectId == projectId).OrderBy(c => c.Id).ToListAsync(ct)).Select(View));
        });
        api.MapGet("/{id:int}", async (int projectId, int id, Access access, DeployDbContext db, CancellationToken ct) =>
        {
            await access.ProjectAsync(projectId, Permission.Read, ct);
            return TypedResults.Ok(View(await FindAsync(db, projectId, id, ct)));
        });
        api.MapPost("", async (int projectId, ConnectionRequest request, Access access, DeployDbContext db, CancellationToken ct) =>
        {
            await access.ProjectAsync(projectId, Permission.Manage, ct);
            var connection = new Connection { ProjectId = projectId, Name = "", Type = "", CreatedAt = DateTime.UtcNow };
            Apply(connection, request);
            db.Connections.Add(connection);
            new AuditLog(db).Record(access.Actor.Display, "connection.created", projectId, connection.Name);
            await db.SaveChangesAsync(ct);
            return TypedResults.Created($"/api/v1/projects/{projectId}/connections/{connection.Id}", View(connection));
        });
        api.MapPut("/{id:int}", async (int projectId, int id, ConnectionRequest request, Access access, DeployDbContext db, CancellationToken ct) =>
        {
            await access.ProjectAsync(projectId, Permission.Manage, ct);
            var connection = await FindAsync(db, projectId, id, ct);
            Apply(connection, request);
            new AuditLog(db).Record(access.Actor.Display, "connection.updated", projectId, connection.Name);
            await db.SaveChangesAsync(ct);
            return TypedResults.Ok(View(connection));
        });
        api.MapDelete("/{id:int}", async (int projectId, int id, Access access, DeployDbContext db, CancellationToken ct) =>
        {
            await access.ProjectAsync(projectId, Permission.Manage, ct);
            var connection = await FindAsync(db, projectId, id, ct);
            if (await db.Environments.AnyAsync(e => e.ConnectionId == id, ct))
                throw ApiException.Invalid("id", $"The connection '{connection.Name}' is used by an environment; change the environment first.");
            db.Connections.Remove(connection);
            new AuditLog(db).Record(access.Actor.Display, "connection.deleted", projectId, connection.Name);
            await db.SaveChangesAsync(ct);
            return TypedResults.NoContent();
        });
    }

    private static async Task<Connection> FindAsync(DeployDbContext db, int projectId, int id, CancellationToken ct) =>
        await db.Connections.FirstOrDefaultAsync(c => c.ProjectId == projectId && c.Id == id, ct) ?? throw ApiException.NotFound($"Connection {id}");

    private static void Apply(Connection connection, ConnectionRequest request)
    {
        if (string.IsNullOrWhiteSpace(request.Name)) throw ApiException.Invalid("name", "A connection name is required.");
        switch (request.Type)
        {
            case "duckdb":
                if (string.IsNullOrWhiteSpace(request.Path)) throw ApiException.Invalid("path", "A DuckDB connection needs the database file path.");
                break;
            case "postgres":
                if (string.IsNullOrWhiteSpace(request.Host)) throw ApiException.Invalid("host", "A PostgreSQL connection needs a host.");
                if (string.IsNullOrWhiteSpace(request.Database)) throw ApiException.Invalid("database", "A PostgreSQL connection needs a database.");
                if (request.Port is < 1 or > 65535) throw ApiException.Invalid("port", $"The port {request.Port} is not between 1 and 65535.");
                break;
            default:
                throw ApiException.Invalid("type", $"Unknown warehouse type '{request.Type}'; expected duckdb or postgres.");
        }
        connection.Name = request.Name.Trim();
        connection.Type = request.Type;
        connection.Path = request.Type == "duckdb" ? request.Path : null;
        connection.Host = request.Type == "postgres" ? request.Host : null;
        connection.Port = request.Type == "postgres" ? request.Port ?? 5432 : null;
        connection.Database = request.Database;
    }

    public static object View(Connection c) => new
    {
        id = c.Id, project_id = c.ProjectId, name = c.Name, type = c.Type, path = c.Path, host = c.Host, port = c.Port, database = c.Database,
    };
}
