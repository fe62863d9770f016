import Foundation
import JourneyTestSupport
import JourneyWorkflow
import Testing

/// `journeymap serve` hands its parsed command line to the `journeymap-serve` executable
/// installed beside it (the HTTP stack stays out of every other command's start-up).
@Suite struct ServeLauncherTests {
    @Test func requestSurvivesTheJSONArgument() throws {
        var options = RenderOptions()
        options.theme = "dark"
        options.language = .uk
        options.highlightTop = 5
        options.join.since = "2026-01-01"
        let request = ServeRequest(
            paths: ["a b/x.journey", "“quoted” \"dir\""], load: LoadSettings(), options: options, view: .canvas, port: 0,
            logRequests: true, quiet: false)
        #expect(try ServeRequest.decode(try request.encoded()) == request)
        #expect(try request.encoded() == (try request.encoded()), "the same request gives the same bytes")
    }

    @Test func serverIsLookedForBesideTheCLI() {
        #expect(ServeRequest.executable(besides: "/opt/jm/bin/journeymap") == "/opt/jm/bin/journeymap-serve")
        #expect(ServeRequest.executable(besides: "journeymap") == "./journeymap-serve")
    }

    @Test func serverAloneSaysWhoStartsIt() throws {
        let server = (Repo.binary as NSString).deletingLastPathComponent + "/journeymap-serve"
        let p = Process()
        p.executableURL = URL(fileURLWithPath: server)
        p.standardError = FileHandle.nullDevice
        try p.run()
        p.waitUntilExit()
        #expect(p.terminationStatus == 64)
    }

    @Test func missingServerIsAClearError() throws {
        let dir = try CLI.tempDir()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try FileManager.default.copyItem(atPath: Repo.binary, toPath: dir + "/journeymap")
        try Data("journey j \"J\" { stage s \"S\" { touchpoint t \"T\" } }\n".utf8).write(to: URL(fileURLWithPath: dir + "/j.journey"))
        let p = Process()
        p.executableURL = URL(fileURLWithPath: dir + "/journeymap")
        p.arguments = ["serve", dir + "/j.journey", "--port", "0"]
        let err = dir + "/err"
        _ = FileManager.default.createFile(atPath: err, contents: nil)
        p.standardError = try FileHandle(forWritingTo: URL(fileURLWithPath: err))
        try p.run()
        p.waitUntilExit()
        let message = String(decoding: CLI.read(err) ?? Data(), as: UTF8.self)
        #expect(p.terminationStatus == 1)
        #expect(message.contains("journeymap-serve") && message.contains("beside journeymap"), "\(message)")
    }
}
