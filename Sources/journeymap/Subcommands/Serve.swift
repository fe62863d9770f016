import ArgumentParser
import Foundation
#if canImport(Glibc)
    import Glibc
#endif
import JourneyWorkflow

struct Serve: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
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
        _ = try Inputs.resolve(input.paths)
        var options = RenderOptions()
        options.theme = theme
        options.language = lang.language
        options.highlightTop = highlight
        options.join = feedback.joinOptions(strict: false)
        let request = ServeRequest(
            paths: input.paths, load: input.loadSettings, options: options, view: view, port: UInt16(port), logRequests: logRequests,
            quiet: input.quiet)
        // The server is its own executable (ServeRequest says why): this process becomes it.
        let failure = request.exec(ServeRequest.executable())
        Terminal.err("error: \(failure)\n")
        throw ExitCode(1)
    }
}

extension MapView: ExpressibleByArgument {}
