import ArgumentParser
import JourneyWorkflow

struct Render: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Render journey maps (SVG, PNG, PDF, DOT).")
    @OptionGroup var input: InputOptions
    func run() throws {}
}
