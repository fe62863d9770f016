import ArgumentParser
import JourneyCore
import JourneyWorkflow

struct Report: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract:
            "Write the pain-point report set: pain-points.md, pain-points.json, report.html, report.svg/png and the map with pain points outlined."
    )

    @OptionGroup var input: InputOptions
    @OptionGroup var feedback: FeedbackOptions
    @OptionGroup var lang: LanguageOption

    @Option(name: .shortAndLong, help: "Output folder.")
    var output: String = "output"

    @Option(help: "How many top pain points to outline on the map.")
    var highlight: Int = 3

    @Option(help: "Theme: default, print, dark.", completion: .list(["default", "print", "dark"]))
    var theme: String?

    @Option(help: "Resolution of the PNG files (lower it for very large journeys).")
    var dpi: Double = 96

    @Option(help: "Most touchpoints laid out; larger journeys are refused before layout.")
    var maxLayoutTouchpoints: Int = RenderOptions.defaultMaxLayoutTouchpoints

    @Flag(help: "Treat feedback row problems as errors.")
    var strict = false

    @OptionGroup var loop: LoopRecordOptions

    func validate() throws {
        guard dpi >= 10, dpi <= 2400 else { throw ValidationError("--dpi must be between 10 and 2400") }
        guard maxLayoutTouchpoints >= 1 else { throw ValidationError("--max-layout-touchpoints must be at least 1") }
    }

    func run() throws {
        let inputs = try Inputs.resolve(input.paths)
        var settings = BatchSettings()
        settings.kind = .report
        settings.useManifest = false
        settings.options.outputDirectory = output
        settings.options.highlightTop = highlight
        settings.options.theme = theme
        settings.options.language = lang.language
        settings.options.dpi = dpi
        settings.options.maxLayoutTouchpoints = maxLayoutTouchpoints
        settings.options.join = feedback.joinOptions(strict: strict)
        settings.options.loop = try loop.options()
        settings.load = input.loadSettings
        var out = BatchOutput(colored: input.color.enabled, quiet: input.quiet)
        let ok = RenderBatch.run(inputs, settings) { event in
            // Every report is rewritten: nothing to say when none changed.
            if case .upToDate = event { return }
            out.print(event)
        }
        out.finish()
        if !ok { throw ExitCode(1) }
    }
}
