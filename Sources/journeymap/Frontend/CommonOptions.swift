import ArgumentParser
import JourneyCore
import JourneyWorkflow

/// Options every subcommand that reads journeys shares.
struct InputOptions: ParsableArguments {
    @Argument(help: "Journey files or folders (folders are searched for *.journey).")
    var paths: [String] = ["journeys"]

    @Option(help: "Colour in diagnostics: auto, always, never.")
    var color: ColorChoice = .auto

    @Flag(name: .shortAndLong, help: "Print errors only: no 'wrote …' lines, progress, warnings or notes.")
    var quiet = false

    @Option(help: ArgumentHelp("Largest journey or include file, in MiB.", valueName: "MiB"))
    var maxFileSize: Int = 32

    @Option(help: "Most touchpoints in one journey.")
    var maxTouchpoints: Int = 100_000

    func loadOptions(root: String) -> LoadOptions {
        var o = LoadOptions(root: root)
        o.maxFileSize = maxFileSize * 1_048_576
        o.maxTouchpoints = maxTouchpoints
        return o
    }

    /// The limits as a value for the batch (and its workers).
    var loadSettings: LoadSettings {
        var s = LoadSettings()
        s.maxFileSize = maxFileSize * 1_048_576
        s.maxTouchpoints = maxTouchpoints
        return s
    }

    /// The diagnostics to print: errors only with `--quiet`.
    func visible(_ diagnostics: [Diagnostic]) -> [Diagnostic] {
        quiet ? diagnostics.filter { $0.severity == .error } : diagnostics
    }

    func validate() throws {
        guard maxFileSize > 0, maxTouchpoints > 0 else { throw ValidationError("limits must be positive") }
    }
}
