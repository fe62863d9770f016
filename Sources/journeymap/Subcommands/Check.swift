import ArgumentParser
import JourneyCore
import JourneyWorkflow

struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check journeys and report every problem, like a compiler.")

    @OptionGroup var input: InputOptions

    @Flag(help: "Treat warnings as errors.")
    var strict = false

    func run() throws {
        let inputs = try Inputs.resolve(input.paths)
        var failed = false
        for item in inputs {
            let result = JourneyLoader.load(path: item.path, options: input.loadOptions(root: item.root))
            let printer = DiagnosticPrinter(sources: result.sources, colored: input.color.enabled)
            Terminal.err(printer.format(result.diagnostics))
            if result.hasErrors || (strict && !result.diagnostics.isEmpty) { failed = true }
        }
        if failed { throw ExitCode(1) }
    }
}
