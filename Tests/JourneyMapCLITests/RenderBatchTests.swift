import Foundation
import JourneyTestSupport
import JourneyRender
import JourneyWorkflow
import Testing

/// The batch in the workflow layer (issue 15, items 1–3) and limits that hold for every
/// render (issue 14, item 11).
@Suite struct RenderBatchTests {
    /// The worker path once named the outputs for the manifest itself and forgot the tiles.
    @Test func checkNoticesAMissingTiledPosterAfterAParallelRender() throws {
        let dir = try CLI.tempDir()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let args = ["journeys", "-o", dir, "--paper", "A2", "--view", "map", "--tile", "A4", "--format", "svg", "--jobs", "2"]
        #expect(try CLI.run(["render"] + args).status == 0)
        #expect(try CLI.run(["render", "--check"] + args).status == 0)
        try FileManager.default.removeItem(atPath: "\(dir)/air-travel/map-tiles.pdf")
        let r = try CLI.run(["render", "--check"] + args)
        #expect(r.status == 1)
        #expect(r.stdout.contains("journeys/air-travel.journey: \(dir)/air-travel/map-tiles.pdf is missing"), "\(r.stdout)")
    }

    @Test func checkSaysWhichOptionChanged() throws {
        let dir = try CLI.tempDir()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let j = ["journeys/online-return.journey", "-o", dir, "--format", "svg"]
        #expect(try CLI.run(["render"] + j).status == 0)
        let r = try CLI.run(["render", "--check"] + j + ["--theme", "dark", "--dpi", "72"])
        #expect(r.status == 1)
        #expect(
            r.stdout.contains(
                "journeys/online-return.journey: rendered with other options: --dpi was 96, now 72, --theme was unset, now dark"),
            "\(r.stdout)")
        // A poster into the same folder keeps its own entry: the plain render stays current.
        #expect(try CLI.run(["render"] + j + ["--paper", "A3", "--format", "pdf"]).status == 0)
        #expect(try CLI.run(["render", "--check"] + j).status == 0)
        #expect(try CLI.run(["render", "--check"] + j + ["--paper", "A3", "--format", "pdf"]).status == 0)
    }

    @Test func aTimeoutHoldsForOneJourneyInThisProcess() throws {
        let dir = try CLI.tempDir()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        for extra in [[], ["--jobs", "1"]] {
            let r = try CLI.run(["render", "journeys/online-return.journey", "-o", dir, "--timeout", "0.01"] + extra)
            #expect(r.status == 1)
            #expect(
                r.stderr.contains("rendering journeys/online-return.journey took longer than 0.01 s a journey and was stopped"),
                "\(r.stderr)")
            #expect(!FileManager.default.fileExists(atPath: "\(dir)/online-return/map.svg"))
        }
    }

    /// A worker that crashed without an allocation failure is not blamed on --max-memory.
    @Test func aWorkerCrashIsBlamedOnMemoryOnlyWhenAnAllocationFailed() {
        let oom = WorkerPool.Result(
            status: 11, stdout: "", stderr: "(null): failure to create cairo surface: out of memory\n", timedOut: false, signaled: true)
        let crash = WorkerPool.Result(status: 11, stdout: "", stderr: "", timedOut: false, signaled: true)
        #expect(
            WorkerPool.cause(of: oom, memoryLimit: 4096).hasPrefix(
                "out of memory: an allocation failed under the --max-memory limit of 4096 MiB"))
        #expect(WorkerPool.cause(of: crash, memoryLimit: 4096) == "Graphviz crashed")
    }

    @Test func theWorkerJobIsJSONWithEveryOption() throws {
        var options = RenderOptions()
        options.paper = Paper("A2", landscape: true)
        options.tile = Paper("A4", landscape: false)
        options.theme = "dark"
        options.join.since = "2024-01-01"
        let job = WorkerJob(
            kind: .render, inputs: [JourneyDiscovery.Input(path: "a.journey", root: ".")], options: options,
            load: LoadSettings(), memoryLimitMiB: 1024)
        #expect(try WorkerProtocol.decodeJob(WorkerProtocol.encode(job)) == job)
        #expect(OutputNames.render(options) == ["map-tiles.pdf", "map.pdf", "map.png", "map.svg"])
    }

    @Test(.enabled(if: FileManager.default.fileExists(atPath: Repo.root + "/.git"), "needs a git checkout"))
    func diffReadsARevisionFromASubfolder() throws {
        for (cwd, spec) in [
            (Repo.root + "/journeys", "HEAD:online-return.journey"), (Repo.root + "/journeys", "HEAD:journeys/online-return.journey"),
            (Repo.root, "HEAD:journeys/online-return.journey"),
        ] {
            let r = try CLI.run(["diff", spec, Repo.root + "/journeys/online-return.journey"], cwd: cwd)
            #expect(r.status == 0, "\(cwd) \(spec): \(r.stderr)")
        }
        let bad = try CLI.run(["diff", "HEAD:no/such.journey", "journeys/online-return.journey"])
        #expect(bad.status == 64)
        #expect(bad.stderr.contains("git cannot show 'HEAD:no/such.journey'"))
    }
}
