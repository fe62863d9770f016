import ArgumentParser
import Foundation
import JourneyCore
import JourneyWorkflow

struct Watch: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "watch",
        abstract: "Re-render journeys when a journey, an include or a feedback file changes.",
        discussion: "Diagnostics show as they happen; a version with errors keeps the last good output. Stop with Ctrl-C.")

    @OptionGroup var input: InputOptions

    @Option(name: .shortAndLong, help: "Output folder.")
    var output: String = "output"

    @Option(
        name: .customLong("format"), help: "Comma-separated formats: svg, png, pdf, dot.", completion: .list(["svg", "png", "pdf", "dot"]))
    var formats: String = "svg"

    @Option(help: "Seconds between checks for changes.")
    var interval: Double = 0.5

    @Option(help: .hidden)
    var maxSeconds: Double?

    func validate() throws {
        guard interval >= 0.05 else { throw ValidationError("--interval must be at least 0.05 seconds") }
        guard FormatList.parse(formats) != nil else {
            throw ValidationError("--format takes svg, png, pdf, dot (comma-separated); got '\(formats)'")
        }
    }

    func run() throws {
        var settings = BatchSettings()
        settings.options.formats = FormatList.parse(formats) ?? []
        settings.options.outputDirectory = output
        settings.load = input.loadSettings
        settings.useManifest = false
        settings.force = true
        let start = Date()
        let clock = DateFormatter()
        clock.dateFormat = "HH:mm:ss"
        if !input.quiet { Terminal.err("watching \(input.paths.joined(separator: ", ")) (Ctrl-C to stop)\n") }
        var watcher = ChangeWatcher()
        while true {
            let changed = watcher.changed((try? JourneyDiscovery.inputs(for: input.paths)) ?? [], settings)
            if !changed.isEmpty {
                RenderBatch.run(changed, settings) { event in
                    let time = clock.string(from: Date())
                    switch event {
                    case .journey(let r):
                        Terminal.err(
                            DiagnosticPrinter(sources: r.sources, colored: input.color.enabled)
                                .format(input.visible(r.diagnostics.sortedForOutput().filter { $0.severity != .note })))
                        if r.failed {
                            Terminal.err("[\(time)] \(r.path): errors; keeping the last good output\n")
                        } else if !input.quiet {
                            Terminal.out(
                                "[\(time)] \(r.path): \(r.written.isEmpty ? "unchanged" : "wrote " + r.written.joined(separator: ", "))\n")
                        }
                    case .error(let m): Terminal.err("[\(time)] error: \(m)\n")
                    case .workerOutput(let text): Terminal.err(text)
                    case .progress, .upToDate: break
                    }
                }
            }
            if let maxSeconds, Date().timeIntervalSince(start) > maxSeconds { return }
            Thread.sleep(forTimeInterval: interval)
        }
    }
}
