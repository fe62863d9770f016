import ArgumentParser
import JourneyCore
import JourneyReports
import JourneyWorkflow

struct Tags: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tags",
        abstract: "What the journey's tagging rules do to its feedback: per tag, comments matched and categories filled.",
        discussion: "Rules: tag \"name\" { words … }, sentiment words { … } (docs/close-the-loop.md).")

    @Argument(help: "A journey file.")
    var journey: String

    @OptionGroup var feedback: FeedbackOptions

    @Flag(help: "Show, for a sample of responses (the same on every run), which rule gave which tag and sentiment.")
    var explain = false

    @Option(help: "How many responses --explain shows.")
    var sample: Int = 10

    @Option(help: "Colour in diagnostics: auto, always, never.")
    var color: ColorChoice = .auto

    func validate() throws {
        guard (1...10_000).contains(sample) else { throw ValidationError("--sample is 1 to 10000") }
    }

    func run() throws {
        guard FileReader.kind(of: journey) == "file" else { throw ValidationError("'\(journey)' is not a journey file") }
        let result = TagsJob.run(path: journey, join: feedback.joinOptions(strict: false), explain: explain ? sample : 0)
        Terminal.err(DiagnosticPrinter(sources: result.sources, colored: color.enabled).format(result.diagnostics.sortedForOutput()))
        guard let j = result.journey, !result.diagnostics.hasErrors else { throw ExitCode(1) }
        guard let summary = result.summary else {
            Terminal.err("note: '\(Escape.terminal(j.id))' has no tagging rules; add tag \"name\" { words … } (docs/close-the-loop.md)\n")
            return
        }
        Terminal.out(TagsText.summary(j, summary))
        if explain { Terminal.out("\n" + TagsText.explain(result.explained)) }
    }
}
