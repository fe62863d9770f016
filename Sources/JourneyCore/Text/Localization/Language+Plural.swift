/// A noun's forms for counting. English uses `one` and `other`; Polish, Russian and Ukrainian
/// also `few` (2–4, 22–24 …) and `many` (5–21, 25–31 …), as CLDR's plural rules say.
public struct PluralForms: Sendable, Hashable {
    /// 1 (and, in Russian and Ukrainian, 21, 31 … but not 11).
    public var one: String
    /// 2–4, 22–24 … (not 12–14); the same as `many` in English.
    public var few: String
    /// Everything else.
    public var many: String

    /// Forms for a language with three (Polish, Russian, Ukrainian).
    public init(one: String, few: String, many: String) {
        self.one = one
        self.few = few
        self.many = many
    }

    /// Forms for a language with two (English).
    public init(one: String, other: String) { self.init(one: one, few: other, many: other) }

    func form(_ c: PluralCategory) -> String {
        switch c {
        case .one: one
        case .few: few
        case .many: many
        }
    }
}

/// CLDR's plural categories for whole numbers (the counts we print are whole).
enum PluralCategory { case one, few, many }

extension Language {
    /// CLDR plural rules for integers: en one = 1; pl one = 1, few = 2–4 except 12–14 (by the
    /// last digits); ru and uk one = …1 except …11, few = …2–…4 except …12–…14.
    func pluralCategory(_ n: Int) -> PluralCategory {
        let a = n.magnitude
        let last = a % 10
        let lastTwo = a % 100
        let few = (2...4).contains(last) && !(12...14).contains(lastTwo)
        switch self {
        case .en: return a == 1 ? .one : .many
        case .pl: return a == 1 ? .one : few ? .few : .many
        case .ru, .uk: return last == 1 && lastTwo != 11 ? .one : few ? .few : .many
        }
    }
}
