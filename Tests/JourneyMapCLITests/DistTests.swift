import Foundation
import JourneyTestSupport
import Testing

/// The release tarball (`make dist`) on a machine with no Swift toolchain: unpacked into a
/// temporary folder, run with `env -i PATH=/usr/bin:/bin` (no /opt/swift, no LD_LIBRARY_PATH).
/// `make test` builds the tarball (`make dist`) and names it in JOURNEYMAP_DIST; run alone, the
/// test is enabled when a tarball exists in dist/ (see docs/install.md).
@Suite struct DistTests {
    static let tarball: String? = {
        // Absolute: the test unpacks from a temporary folder.
        if let p = ProcessInfo.processInfo.environment["JOURNEYMAP_DIST"], FileManager.default.fileExists(atPath: p) {
            return p.hasPrefix("/") ? p : FileManager.default.currentDirectoryPath + "/" + p
        }
        let dir = Repo.path("dist")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: dir)) ?? []
        return names.filter { $0.hasPrefix("journeymap-") && $0.hasSuffix(".tar.gz") }.sorted().last.map { dir + "/" + $0 }
    }()

    /// Runs a command under `env -i`, in `cwd`; returns status, stdout and stderr.
    func bare(_ args: [String], cwd: String) throws -> (status: Int32, out: String, err: String) {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = ["-i", "PATH=/usr/bin:/bin", "HOME=\(cwd)"] + args
        p.currentDirectoryURL = URL(fileURLWithPath: cwd)
        _ = FileManager.default.createFile(atPath: cwd + "/o.txt", contents: nil)
        _ = FileManager.default.createFile(atPath: cwd + "/e.txt", contents: nil)
        p.standardOutput = try FileHandle(forWritingTo: URL(fileURLWithPath: cwd + "/o.txt"))
        p.standardError = try FileHandle(forWritingTo: URL(fileURLWithPath: cwd + "/e.txt"))
        try p.run()
        p.waitUntilExit()
        return (
            p.terminationStatus, String(decoding: CLI.read(cwd + "/o.txt") ?? Data(), as: UTF8.self),
            String(decoding: CLI.read(cwd + "/e.txt") ?? Data(), as: UTF8.self)
        )
    }

    @Test(.enabled(if: tarball != nil, "no dist/journeymap-*.tar.gz: run 'make dist' first (a release build)"))
    func tarballRunsWithoutAToolchain() throws {
        let dir = try CLI.tempDir()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        #expect(try bare(["tar", "-xzf", try #require(Self.tarball), "--strip-components=1"], cwd: dir).status == 0)
        let bin = dir + "/bin/journeymap"
        #expect(FileManager.default.isExecutableFile(atPath: bin))
        #expect(FileManager.default.fileExists(atPath: dir + "/share/bash-completion/completions/journeymap"))
        #expect(FileManager.default.fileExists(atPath: dir + "/share/zsh/site-functions/_journeymap"))
        #expect(FileManager.default.fileExists(atPath: dir + "/share/fish/vendor_completions.d/journeymap.fish"))
        let page = String(decoding: CLI.read(dir + "/share/man/man1/journeymap.1") ?? Data(), as: UTF8.self)
        #expect(page.contains(".Dt JOURNEYMAP 1"), "no man page in the tarball")
        // The journeys, copied so nothing of the repository is on the way.
        try FileManager.default.copyItem(atPath: Repo.path("journeys"), toPath: dir + "/journeys")
        let version = try bare([bin, "--version"], cwd: dir)
        #expect(version.status == 0 && !version.out.isEmpty, "\(version.err)")
        // online-return misses two targets on purpose (JM510): only errors fail this check.
        let check = try bare([bin, "check", "journeys/online-return.journey", "--format", "json", "--fail-on", "errors"], cwd: dir)
        #expect(check.status == 0, "\(check.err)")
        #expect(check.out.contains("\"diagnostics\""))
        let render = try bare([bin, "render", "journeys/online-return.journey", "-o", "out", "--format", "svg,png"], cwd: dir)
        #expect(render.status == 0, "\(render.err)")
        #expect(FileManager.default.fileExists(atPath: dir + "/out/online-return/map.png"))
        let svg = String(decoding: CLI.read(dir + "/out/online-return/map.svg") ?? Data(), as: UTF8.self)
        #expect(svg.contains("<svg"))
        // The preview server ships beside the CLI, and only it links the HTTP stack (libcurl
        // through FoundationNetworking): every other command starts without those libraries.
        #expect(FileManager.default.isExecutableFile(atPath: dir + "/bin/journeymap-serve"))
        let libraries = try bare(["ldd", bin], cwd: dir)
        #expect(libraries.status == 0 && !libraries.out.contains("libcurl"), "journeymap links libcurl:\n\(libraries.out)")
        let serve = try bare([dir + "/bin/journeymap-serve"], cwd: dir)
        #expect(serve.status == 64 && serve.err.contains("journeymap serve"), "\(serve.err)")
    }
}
