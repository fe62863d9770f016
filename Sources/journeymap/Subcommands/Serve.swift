import ArgumentParser
import Foundation
#if canImport(Glibc)
    import Glibc
#endif
import JourneyServe
import JourneyWorkflow

struct Serve: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "A live preview for workshops: a page on 127.0.0.1 that redraws within a second of each save.",
        discussion:
            "A version with errors keeps the last good map and shows the diagnostics. Only this machine can connect. Stop with Ctrl-C.")

    @OptionGroup var input: InputOptions
    @OptionGroup var feedback: FeedbackOptions
    @OptionGroup var lang: LanguageOption

    @Option(help: "Port on 127.0.0.1 (0: any free port, printed at start).")
    var port: Int = 8765

    @Option(
        help: "The view shown: map, curve, blueprint, ownership, drivers, canvas or segments.",
        completion: .list(["map", "curve", "blueprint", "ownership", "drivers", "canvas", "segments"]))
    var view: MapView = .map

    @Option(help: "Theme: default, print, dark (overrides the journey's style).", completion: .list(["default", "print", "dark"]))
    var theme: String?

    @Option(help: "How many top pain points to outline on the map (0: none).")
    var highlight: Int = 3

    @Flag(help: "Print each request the page makes (to see who is connected and what they load).")
    var logRequests = false

    func validate() throws {
        guard (0...65535).contains(port) else { throw ValidationError("--port takes 0 to 65535") }
        if let theme, !["default", "print", "dark"].contains(theme) {
            throw ValidationError("unknown theme '\(theme)'; use default, print or dark")
        }
    }

    func run() throws {
        // Ctrl-C and kill must stop the server even when a parent started it with those
        // signals blocked (the mask is inherited; threads made from here on inherit it too).
        var none = sigset_t()
        sigemptyset(&none)
        pthread_sigmask(SIG_SETMASK, &none, nil)
        _ = try Inputs.resolve(input.paths)
        var settings = BatchSettings()
        settings.load = input.loadSettings
        settings.useManifest = false
        settings.options.theme = theme
        settings.options.language = lang.language
        settings.options.highlightTop = highlight
        settings.options.join = feedback.joinOptions(strict: false)
        var log: (@Sendable (String) -> Void)?
        if logRequests { log = Self.logRequest }
        let renderer = PreviewRenderer(paths: input.paths, settings: settings, view: view)
        let server = try PreviewServer(renderer: renderer, port: UInt16(port), log: log)
        let quiet = input.quiet
        let done = DispatchSemaphore(value: 0)
        let failure = Box()
        Task {
            do {
                try await server.run(
                    ready: { port in
                        Terminal.err("serving http://127.0.0.1:\(port)/ (Ctrl-C to stop)\n")
                    },
                    rendered: { entries in
                        for e in entries {
                            if !e.ok {
                                Terminal.err(e.diagnostics + "[\(e.updated)] \(e.path): errors; the page keeps the last good map\n")
                            } else if !quiet {
                                Terminal.err(e.diagnostics + "[\(e.updated)] \(e.path): updated\n")
                            }
                        }
                    })
            } catch {
                failure.message = "\(error)"
            }
            done.signal()
        }
        done.wait()
        if let message = failure.message {
            Terminal.err("error: cannot serve on 127.0.0.1:\(port): \(message)\n")
            throw ExitCode(1)
        }
    }

    @Sendable static func logRequest(_ line: String) { Terminal.err("request: \(line)\n") }

    final class Box: @unchecked Sendable { var message: String? }
}

extension MapView: ExpressibleByArgument {}
