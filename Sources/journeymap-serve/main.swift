// `journeymap-serve`: the live preview server, started by `journeymap serve` with the parsed
// command line as JSON (ServeRequest). A separate executable so that the HTTP library and the
// libraries it links are loaded only by the command that serves.
import Foundation
#if canImport(Glibc)
    import Glibc
#endif
import JourneyServe
import JourneyWorkflow

func say(_ s: String) { FileHandle.standardError.write(Data(s.utf8)) }

let arguments = CommandLine.arguments
guard arguments.count == 2, let request = try? ServeRequest.decode(arguments[1]) else {
    say("journeymap-serve is started by 'journeymap serve'; run 'journeymap serve --help'\n")
    exit(64)
}
// Ctrl-C and kill must stop the server even when a parent started it with those signals
// blocked (the mask is inherited across exec; threads made from here on inherit it too).
var none = sigset_t()
sigemptyset(&none)
pthread_sigmask(SIG_SETMASK, &none, nil)

var settings = BatchSettings()
settings.load = request.load
settings.useManifest = false
settings.options = request.options
@Sendable func logRequest(_ line: String) { say("request: \(line)\n") }
let log: (@Sendable (String) -> Void)? = request.logRequests ? logRequest : nil
let renderer = PreviewRenderer(paths: request.paths, settings: settings, view: request.view)
do {
    let server = try PreviewServer(renderer: renderer, port: request.port, log: log)
    let quiet = request.quiet
    try await server.run(
        ready: { port in say("serving http://127.0.0.1:\(port)/ (Ctrl-C to stop)\n") },
        rendered: { entries in
            for e in entries {
                if !e.ok {
                    say(e.diagnostics + "[\(e.updated)] \(e.path): errors; the page keeps the last good map\n")
                } else if !quiet {
                    say(e.diagnostics + "[\(e.updated)] \(e.path): updated\n")
                }
            }
        })
} catch {
    say("error: cannot serve on 127.0.0.1:\(request.port): \(error)\n")
    exit(1)
}
