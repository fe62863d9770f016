import Foundation
import JourneyCore
import JourneyFeedback

/// The two sides of a baseline comparison, joined: the baseline's measurements (an older
/// file, the feedback files at a git revision, or the period before the latest) and the
/// current ones, with the labels the messages use.
struct BaselineSides {
    var old: JourneyMeasurements
    var new: JourneyMeasurements
    var from: String
    var to: String
}

/// Joins the baseline side of `check --baseline` / `diff --baseline`. Every failure is one
/// JM513 error that names what could not be used and what to do instead.
enum BaselineJoin {
    enum Outcome {
        case sides(BaselineSides)
        case unusable(Diagnostic)
    }

    /// One side's data joined, or why it cannot be.
    enum Snapshot {
        case measured(JourneyMeasurements)
        case unusable(Diagnostic)
    }

    /// The baseline's and the current measurements; `current` is the journey's join as `check`
    /// made it (or `diff --current`'s snapshot), named `currentLabel` in messages.
    static func sides(
        _ journey: Journey, current: JourneyMeasurements, currentLabel: String = "current", baseline: Baseline, join: JoinOptions
    ) -> Outcome {
        if baseline == .previous { return previous(journey, current: current, join: join) }
        switch snapshot(journey, baseline, join: join) {
        case .unusable(let d): return .unusable(d)
        case .measured(let m): return .sides(BaselineSides(old: m, new: current, from: baseline.label, to: currentLabel))
        }
    }

    /// The journey's data replaced by an older file or by its files at a revision; `option`
    /// names the command-line option in messages (`--baseline`, `--current`).
    static func snapshot(_ journey: Journey, _ spec: Baseline, join: JoinOptions, option: String = "--baseline") -> Snapshot {
        switch spec {
        case .previous:
            return .unusable(Diagnostic(.unusableBaseline, "\(option) previous: a period is not a data snapshot", at: journey.range))
        case .file(let path):
            let count = journey.feedback.count + join.extraFeedback.count
            guard count == 1 else {
                return .unusable(
                    Diagnostic(
                        .unusableBaseline,
                        "\(option) \(path): journey '\(journey.id)' reads \(count) feedback files, and a data file stands for one; compare a git revision of them instead (\(option) REV)",
                        at: journey.range))
            }
            var j = journey, o = join
            if j.feedback.isEmpty {
                o.extraFeedback = [path]
            } else {
                j.feedback[0].path = path
                j.feedback[0].resolvedPath = path
            }
            return joined(j, o, label: "\(option) \(path)")
        case .revision(let rev): return revision(journey, rev, join: join, option: option)
        }
    }

    /// Every feedback file as it was at `rev`, copied to a temporary folder (the join streams
    /// files) that is removed afterwards; the copies keep their names, so formats read by
    /// extension stay the same.
    static func revision(_ journey: Journey, _ rev: String, join: JoinOptions, option: String) -> Snapshot {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("journeymap-baseline-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: dir) }
        do { try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true) } catch {
            return .unusable(
                Diagnostic(.unusableBaseline, "\(option) \(rev): cannot make a temporary folder (\(error))", at: journey.range))
        }
        func copy(_ path: String, _ index: Int, at range: SourceRange) throws(Unusable) -> String {
            let folder = PathUtil.directory(of: path), name = (path as NSString).lastPathComponent
            guard let (bytes, _) = try? GitRevision.read(revision: rev, path: "./" + name, in: folder) else {
                throw Unusable(
                    diagnostic: Diagnostic(
                        .unusableBaseline,
                        "\(option) \(rev): git cannot show '\(path)' at revision '\(rev)' (the file did not exist there, or its folder is not in a git repository); commit it there first, or compare an older data file (\(option) FILE)",
                        at: range))
            }
            let copyPath = "\(dir)/\(index)-\(name)"
            guard FileManager.default.createFile(atPath: copyPath, contents: Data(bytes)) else {
                throw Unusable(
                    diagnostic: Diagnostic(.unusableBaseline, "\(option) \(rev): cannot write a temporary copy of '\(path)'", at: range))
            }
            return copyPath
        }
        var j = journey, o = join
        do throws(Unusable) {
            for i in j.feedback.indices {
                j.feedback[i].resolvedPath = try copy(j.feedback[i].resolvedPath, i, at: j.feedback[i].range)
            }
            for (i, path) in o.extraFeedback.enumerated() {
                o.extraFeedback[i] = try copy(path, j.feedback.count + i, at: .file(path))
            }
        } catch {
            return .unusable(error.diagnostic)
        }
        return joined(j, o, label: "\(option) \(rev)")
    }

    struct Unusable: Error { var diagnostic: Diagnostic }

    /// A snapshot's join; its row warnings are the old data's and are not repeated, but an
    /// error (a missing column, an unreadable file) makes the baseline unusable.
    static func joined(_ journey: Journey, _ options: JoinOptions, label: String) -> Snapshot {
        let (m, diagnostics) = FeedbackJoin.run(journey, options: options)
        let at = journey.feedback.first?.range ?? journey.range
        if let e = diagnostics.first(where: { $0.severity == .error }) {
            return .unusable(
                Diagnostic(.unusableBaseline, "\(label): its data cannot be joined: \(e.message) [\(e.code)]", at: at))
        }
        guard m.journey.responses > 0 else {
            return .unusable(
                Diagnostic(
                    .unusableBaseline, "\(label): no response joins a touchpoint of '\(journey.id)'; nothing to compare with",
                    at: at))
        }
        return .measured(m)
    }

    /// The latest period with responses against the closest earlier one with responses.
    static func previous(_ journey: Journey, current: JourneyMeasurements, join: JoinOptions) -> Outcome {
        guard current.firstDate != nil else {
            return .unusable(
                Diagnostic(
                    .unusableBaseline,
                    "--baseline previous: no response of '\(journey.id)' has a date, so there are no periods; map the date column in its feedback block, or compare an older data file or revision (--baseline FILE|REV)",
                    at: journey.range))
        }
        let p = TrendStep.periods(journey, all: current, settings: join)
        let withData = p.measurements.indices.filter { p.measurements[$0].journey.responses > 0 }
        guard withData.count >= 2, let last = withData.last else {
            let only = withData.first.map { " (\(p.periods[$0].label))" } ?? ""
            return .unusable(
                Diagnostic(
                    .unusableBaseline,
                    "--baseline previous: every dated response of '\(journey.id)' falls in one \(p.unit.rawValue)\(only), so there is no previous period; group by a shorter period (--period week), or compare an older data file or revision (--baseline FILE|REV)",
                    at: journey.range))
        }
        let before = withData[withData.count - 2]
        return .sides(
            BaselineSides(
                old: p.measurements[before], new: p.measurements[last], from: p.periods[before].label, to: p.periods[last].label))
    }
}
