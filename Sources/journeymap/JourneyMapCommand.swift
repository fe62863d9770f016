import ArgumentParser
import JourneyWorkflow

@main
struct JourneyMapCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "journeymap",
        abstract: "Customer journey maps as code: check, join feedback, find pain points, render through Graphviz.",
        discussion: """
            Exit codes: 0 success (warnings allowed), 1 the input has errors (or a gate failed), \
            64 bad command-line use.
            """,
        version: JourneyMapVersion.string,
        // Every subcommand names itself (`commandName:`): a name derived from the type costs
        // `String(describing:)`, a protocol-conformance scan of the whole static binary at every
        // start, 1.8 ms of `journeymap --version` (BENCHMARKS.md, "Start-up").
        subcommands: [
            Render.self, Serve.self, Check.self, Report.self, Metrics.self, SQL.self, Fmt.self, Init.self, Import.self, Export.self,
            Diff.self, Watch.self, Lsp.self, Worker.self, Tags.self, Loop.self,
        ]
    )
}
