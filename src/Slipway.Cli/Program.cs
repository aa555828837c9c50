// The `slipway` executable: dbt's commands over Slipway.Engine. Commands are thin wrappers over the engine.
return Slipway.Cli.SlipwayCli.Run(args);
