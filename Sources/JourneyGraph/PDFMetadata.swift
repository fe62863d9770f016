import Foundation

/// The document title and language of a PDF. Graphviz's cairo renderer (2.43 with cairo 1.16)
/// writes neither, and cairo has no way to write `/Lang` at all; a screen reader then reads
/// the map in the wrong language and a viewer shows no title. Both are added by an
/// incremental update (ISO 32000-1 §7.5.6): the catalog and the info dictionary are written
/// again after the file's end, with a cross-reference section that points at them and a
/// trailer that points back (`/Prev`) at cairo's. Not a byte of cairo's output moves, so
/// `PDFNormalizer`'s in-place date fix and every earlier offset stay valid. A file this does
/// not recognise is returned unchanged.
package enum PDFMetadata {
    /// The PDF with `/Title` (UTF-16, any script) in its info dictionary and `/Lang` (a BCP 47
    /// tag of letters, digits and hyphens) in its catalog.
    package static func apply(_ pdf: [UInt8], title: String, language: String) -> [UInt8] {
        guard !language.isEmpty, language.utf8.allSatisfy({ $0 == UInt8(ascii: "-") || isAlnum($0) }),
            let trailer = lastTrailer(pdf),
            let catalog = object(trailer.root, in: pdf), let info = object(trailer.info, in: pdf)
        else { return pdf }
        var out = pdf
        if out.last != UInt8(ascii: "\n") { out.append(UInt8(ascii: "\n")) }
        let catalogOffset = out.count
        out += Array("\(trailer.root) 0 obj\n".utf8) + inserting("/Lang (\(language))", into: catalog) + Array("\nendobj\n".utf8)
        let infoOffset = out.count
        out += Array("\(trailer.info) 0 obj\n".utf8) + inserting("/Title \(utf16Hex(title))", into: info) + Array("\nendobj\n".utf8)
        let xref = out.count
        var section = "xref\n"
        for (number, offset) in [(trailer.root, catalogOffset), (trailer.info, infoOffset)].sorted(by: { $0.0 < $1.0 }) {
            let digits = String(offset)
            section += "\(number) 1\n" + String(repeating: "0", count: max(0, 10 - digits.count)) + digits + " 00000 n \n"
        }
        section +=
            "trailer\n<< /Size \(trailer.size)\n   /Root \(trailer.root) 0 R\n   /Info \(trailer.info) 0 R\n   /Prev \(trailer.xref)\n>>\n"
        section += "startxref\n\(xref)\n%%EOF\n"
        return out + Array(section.utf8)
    }

    struct Trailer {
        var size: Int, root: Int, info: Int, xref: Int
    }

    /// The last trailer's `/Size`, `/Root` and `/Info`, and the offset after `startxref`.
    static func lastTrailer(_ pdf: [UInt8]) -> Trailer? {
        let tail = String(decoding: pdf.suffix(2048), as: UTF8.self)
        guard let t = tail.range(of: "trailer", options: .backwards), let s = tail.range(of: "startxref", options: .backwards),
            t.upperBound <= s.lowerBound
        else { return nil }
        let dict = tail[t.upperBound..<s.lowerBound]
        func number(after key: String, in text: Substring) -> Int? {
            guard let k = text.range(of: key) else { return nil }
            return Int(text[k.upperBound...].drop(while: { $0 == " " || $0 == "\n" || $0 == "\r" }).prefix(while: \.isNumber))
        }
        guard let size = number(after: "/Size", in: dict), let root = number(after: "/Root", in: dict),
            let info = number(after: "/Info", in: dict), let xref = number(after: "startxref", in: tail[s.lowerBound...])
        else { return nil }
        return Trailer(size: size, root: root, info: info, xref: xref)
    }

    /// The dictionary of object `number` (`<< … >>`, without `obj`/`endobj`), as cairo wrote it.
    static func object(_ number: Int, in pdf: [UInt8]) -> [UInt8]? {
        let head = Array("\n\(number) 0 obj\n".utf8)
        guard let at = PDFNormalizer.find(head, in: pdf, from: 0) else { return nil }
        let start = at + head.count
        guard let end = PDFNormalizer.find(Array("endobj".utf8), in: pdf, from: start) else { return nil }
        var body = Array(pdf[start..<end])
        while let last = body.last, last == UInt8(ascii: "\n") || last == UInt8(ascii: "\r") || last == UInt8(ascii: " ") {
            body.removeLast()
        }
        guard body.starts(with: Array("<<".utf8)), Array(body.suffix(2)) == Array(">>".utf8) else { return nil }
        return body
    }

    /// `entry` as the dictionary's first key.
    static func inserting(_ entry: String, into dict: [UInt8]) -> [UInt8] {
        Array("<< \(entry)\n  ".utf8) + dict.dropFirst(2)
    }

    /// A PDF text string in UTF-16BE with a byte-order mark, as hex (no escaping needed).
    static func utf16Hex(_ s: String) -> String {
        let hex = Array("0123456789ABCDEF")
        var out = "<FEFF"
        for unit in s.utf16 {
            for shift in [12, 8, 4, 0] { out.append(hex[Int((unit >> UInt16(shift)) & 0xF)]) }
        }
        return out + ">"
    }

    static func isAlnum(_ b: UInt8) -> Bool {
        (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(b) || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(b)
            || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(b)
    }
}
