import Foundation
import JourneyLSP

/// A journey folder in a temporary directory for a scripted session: a journey with an
/// include and a feedback file with planted answers (and one bad row).
struct Workspace {
    let root: String

    static let org = """
        department finance "Finance"
        department sales "Sales"
        channel web "Website"

        """

    /// Line 6 (0-based) holds `owner finance` after an emoji-free title; line 5 has an emoji
    /// before its ids (two UTF-16 units, one column).
    static let journey = """
        journey trip "Trip" {
          include "shared/org.journey"
          persona anna "Anna" { segment business }

          stage book "Book" {
            touchpoint search "🔎 Searches" { channel web; owner sales }
            touchpoint pay "Pays" {   channel web; owner finance }
          }
          flow pay -> search "compares prices"
          feedback "trip.csv"
        }

        """

    /// `pay`: NPS answers 10 10 9 9 9 8 7 3 2 0 (5 promoters, 3 detractors: NPS +20) and
    /// CSAT 5 5 4 4 3 2 1 1 2 3 (4 of 10 in the top two boxes: 40%); `search`: 3 answers;
    /// the last row's NPS 11 is out of scale (JM310 at line 15, column 16).
    static let csv = """
        touchpoint,date,nps,csat
        pay,2026-01-02,10,5
        pay,2026-01-03,10,5
        pay,2026-01-04,9,4
        pay,2026-01-05,9,4
        pay,2026-01-06,9,3
        pay,2026-01-07,8,2
        pay,2026-01-08,7,1
        pay,2026-01-09,3,1
        pay,2026-01-01,2,2
        pay,2026-01-02,0,3
        search,2026-01-02,9,4
        search,2026-01-02,6,3
        search,2026-01-02,10,5
        pay,2026-01-05,11,5

        """

    init(
        files: [String: String] = ["trip.journey": Workspace.journey, "shared/org.journey": Workspace.org, "trip.csv": Workspace.csv]
    ) throws {
        // A name with a space and a non-ASCII letter: URIs must be percent-encoded both ways.
        root = FileManager.default.temporaryDirectory.appendingPathComponent("jm-lsp \(UUID().uuidString) é").path
        for (name, text) in files {
            let path = root + "/" + name
            try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        }
    }

    func uri(_ name: String) -> String { DocumentURI.uri(of: root + "/" + name) }

    func remove() { try? FileManager.default.removeItem(atPath: root) }
}
