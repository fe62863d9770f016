import JourneyCore

/// `journeymap init`: a starter journey and feedback file whose comments teach the language.
public enum Scaffold {
    /// A file `init` writes.
    public struct File: Sendable {
        /// Where, relative to the working directory.
        public var path: String
        /// The file's text.
        public var contents: String
    }

    /// The starter journey `id` titled `title`, and its feedback file, in `dir`.
    public static func files(id: String, title: String, in dir: String) -> [File] {
        let journey = """
            # \(title): a customer journey as code. `journeymap check` finds mistakes,
            # `journeymap render` draws the map, `journeymap report` ranks the pain points.
            # Statements end at a newline or ';'. Text goes in "double quotes". docs/language.md has it all.
            journey \(id) \(Formatter.quote(title)) {
              description "Who does what, from first contact to the end"

              # Who travels this journey. Feedback rows may carry the segment.
              persona pat "Pat, a first-time customer" {
                goal "Get it done in one go"
                segment new
              }

              # Every touchpoint needs an owner: the department that must act on it.
              department marketing "Marketing"
              department sales "Sales"
              department care "Customer Care"

              # Where the contact happens.
              channel web "Website"
              channel email "E-mail"
              channel phone "Phone"

              # Stages run left to right, in the order written.
              stage discover "Discover" {
                touchpoint ad "Sees an ad" { channel web; owner marketing; emotion neutral }
              }

              stage buy "Buy" {
                touchpoint checkout "Pays online" {
                  channel web
                  owner sales
                  emotion frustrated # -2 angry, -1 frustrated, 0 neutral, +1 happy, +2 delighted
                  moment of truth # decides whether the customer stays
                  pain "Delivery costs appear only at the end"
                  opportunity "Show the full price on the product page"
                  action "Types card details"
                  backstage "Payment service checks the card" owner sales
                }
                touchpoint receipt "Gets the receipt" { channel email; owner sales; emotion happy }
              }

              stage help "Get help" {
                touchpoint call "Calls support" { channel phone; owner care; emotion frustrated }
              }

              # Document order is the default path; flows add branches, loops and skips.
              flow call -> checkout "tries again"

              # Survey data joined on touchpoint id (see docs/feedback.md).
              feedback "\(id).feedback.csv"

              # Goals that `journeymap check` gates on.
              target nps >= 0
              target csat >= 70% at checkout
            }

            """
        let feedback = """
            touchpoint,date,segment,channel,nps,csat,ces,sentiment,category,comment
            checkout,2026-01-05,new,web,3,2,6,negative,billing/fees,"Shipping costs only showed up at the end, annoying"
            checkout,2026-01-06,new,web,8,4,3,neutral,billing,
            receipt,2026-01-06,new,email,9,5,1,positive,,Clear and quick
            call,2026-01-07,new,phone,2,1,7,negative,support/wait,"Waited 40 minutes, then got cut off"

            """
        return [
            File(path: PathUtil.join(dir, "\(id).journey"), contents: journey),
            File(path: PathUtil.join(dir, "\(id).feedback.csv"), contents: feedback),
        ]
    }
}
