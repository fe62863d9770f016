import Foundation
import JourneyAnalysis
import JourneyCore
import JourneyFeedback
import JourneyTestSupport
import Testing

/// Key drivers on real reviews (Tests/Fixtures/skytrax/lounge.csv, CC0: 2,264 lounge reviews,
/// seven aspect ratings 1–5 with blanks and 0 = not rated) against an independent
/// implementation: numpy (pairwise deletion, `numpy.linalg.eigh`) in .venv-test.
@Suite struct KeyDriverNumpyTests {
    static let lounge = Repo.fixture("skytrax/lounge.csv")
    static let ratings = [
        "comfort_rating", "cleanliness_rating", "bar_beverages_rating", "catering_rating",
        "washrooms_rating", "wifi_connectivity_rating", "staff_service_rating",
    ]

    static let numpyPython = OptionalTools.numpyPython
    static var ready: Bool { numpyPython != nil && FileManager.default.fileExists(atPath: lounge) }

    /// The reviews as moments: a blank or 0 rating is "not rated" (missing), a blank outcome too.
    static func moments(outcome: String) throws -> DriverMoments {
        var m = DriverMoments(variables: ratings + [outcome])
        var reader = try CSVReader(path: lounge, delimiter: ",")
        var columns: [Int] = []
        var rowError: String?
        try reader.forEachRow { row in
            if columns.isEmpty {
                let header = (0..<row.fieldCount).map { row.string($0) }
                columns = (ratings + [outcome]).map { header.firstIndex(of: $0) ?? -1 }
                return !columns.contains(-1)
            }
            var values = [Double](repeating: .nan, count: columns.count)
            for (v, c) in columns.enumerated() where c < row.fieldCount {
                let text = row.string(c)
                guard !text.isEmpty else { continue }
                guard let x = Double(text) else { rowError = "line \(row.line): \(text)"; return false }
                values[v] = (x == 0 && v < ratings.count) ? .nan : x
            }
            m.add(values, key: UInt64(row.line))
            return true
        }
        #expect(rowError == nil)
        #expect(!columns.contains(-1))
        return m
    }

    /// numpy's relative weights: for each outcome, raw weights, R² and correlations as JSON.
    static let script = """
        import csv, json, sys
        import numpy as np
        path, outcome = sys.argv[1], sys.argv[2]
        ratings = sys.argv[3].split(",")
        rows = list(csv.DictReader(open(path, newline="", encoding="utf-8")))
        def value(text, is_rating):
            if text == "": return np.nan
            x = float(text)
            return np.nan if (is_rating and x == 0) else x
        X = np.array([[value(r[c], c != outcome) for c in ratings + [outcome]] for r in rows])
        k = X.shape[1]
        R = np.eye(k)
        n = np.zeros((k, k), dtype=int)
        for i in range(k):
            for j in range(k):
                both = ~np.isnan(X[:, i]) & ~np.isnan(X[:, j])   # pairwise deletion
                n[i, j] = both.sum()
                if i < j:
                    R[i, j] = R[j, i] = np.corrcoef(X[both, i], X[both, j])[0, 1]
        Rxx, rxy = R[:-1, :-1], R[:-1, -1]
        lam, V = np.linalg.eigh(Rxx)
        lam = np.clip(lam, 0, None)                                  # a pairwise matrix may be indefinite
        L = V @ np.diag(np.sqrt(lam)) @ V.T
        beta = np.linalg.pinv(L, rcond=1e-12, hermitian=True) @ rxy  # Johnson (2000): β = Λ⁻¹ rxy
        eps = (L ** 2) @ (beta ** 2)
        print(json.dumps({"raw": eps.tolist(), "r2": float(eps.sum()), "rxy": rxy.tolist(),
                          "n": n[:-1, -1].tolist(), "respondents": int(n[-1, -1])}))
        """

    static func numpy(outcome: String) throws -> [String: Any] {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("jm-rw-\(getpid())-\(outcome)").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try script.write(toFile: dir + "/rw.py", atomically: true, encoding: .utf8)
        let p = Process()
        p.executableURL = URL(fileURLWithPath: try #require(numpyPython))
        p.arguments = [dir + "/rw.py", lounge, outcome, ratings.joined(separator: ",")]
        let out = Pipe()
        p.standardOutput = out
        try p.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        #expect(p.terminationStatus == 0)
        return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    @Test(
        .enabled(if: ready, "needs numpy in .venv-test (scripts/test-setup.sh) and Tests/Fixtures/skytrax/lounge.csv"),
        arguments: [
            ("recommended", OutcomeDeclaration.Kind.binary(yes: ["1"])),
            ("overall_rating", OutcomeDeclaration.Kind.scale(Scale(min: 1, max: 10))),
        ])
    func relativeWeightsEqualNumpy(_ outcome: String, _ kind: OutcomeDeclaration.Kind) throws {
        let report = try #require(KeyDriverAnalysis.analyse(try Self.moments(outcome: outcome), kind: kind, outcomeID: outcome))
        let np = try Self.numpy(outcome: outcome)
        let raw = try #require(np["raw"] as? [Double]), rxy = try #require(np["rxy"] as? [Double])
        let n = try #require(np["n"] as? [Int]), r2 = try #require(np["r2"] as? Double)
        #expect(report.drivers.count == Self.ratings.count && report.excluded.isEmpty)
        #expect(report.respondents == np["respondents"] as? Int)
        // The issue asks for agreement to 0.01; both compute the same closed form, so they agree
        // to rounding (1e-9), in raw weights and in shares (percent).
        #expect(abs(try #require(report.rSquared).value - r2) < 1e-9)
        for d in report.drivers {
            let j = try #require(Self.ratings.firstIndex(of: d.touchpointID))
            #expect(abs(d.rawWeight - raw[j]) < 1e-9, "\(d.touchpointID)")
            #expect(abs(d.importance.value - 100 * raw[j] / r2) < 1e-7, "\(d.touchpointID)")
            #expect(abs(d.correlation - rxy[j]) < 1e-9, "\(d.touchpointID)")
            #expect(d.n == n[j], "\(d.touchpointID)")
        }
    }
}
