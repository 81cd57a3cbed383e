import Testing
@testable import ShelterDomain

/// Length limits count unicode scalars as well as characters.
@Suite("Text rules: lengths in characters and in scalars")
struct TextRulesTests {
    @Test("A name of one letter and 10,000 combining marks is one character but far too long")
    func combiningFlood() {
        let flood = "a" + String(repeating: "\u{0301}", count: 10_000)
        #expect(flood.count == 1)
        #expect(TextRules.nameProblem(flood, required: true) == .tooManyMarks(max: TextRules.maxNameLength))
        #expect(TextRules.freeTextProblem(flood, max: 200) == .tooManyMarks(max: 200))
        #expect(TextRules.nameProblem("x" + String(repeating: "\u{0301}", count: 10_001), required: true) != nil)
    }

    @Test("Real names with accents still pass; plain over-long names still fail")
    func realNames() {
        for ok in ["Nguyễn Thị Ánh", "Łukasz Wójcik", "Иван Петров", "Ṩ̂ạ̈ra", String(repeating: "ệ", count: 100)] {
            #expect(TextRules.nameProblem(ok, required: true) == nil, "\(ok)")
        }
        #expect(TextRules.nameProblem(String(repeating: "a", count: 101), required: true) != nil)
        #expect(TextRules.freeTextProblem(String(repeating: "a", count: 2001)) != nil)
    }
}
