import Testing
@testable import ShelterDomain

@Suite("Calendar dates and nights")
struct DayTests {
    @Test("Dutch and ISO dates parse; impossible dates are refused",
          arguments: [("23-11-2026", "2026-11-23"), ("2026-11-23", "2026-11-23"), ("1-2-1987", "1987-02-01"),
                      ("29-02-2024", "2024-02-29"), ("23/11/2026", "2026-11-23"), (" 23.11.2026 ", "2026-11-23")])
    func parses(_ text: String, _ iso: String) {
        #expect(Day.parse(text)?.iso == iso)
    }

    @Test("Impossible dates", arguments: ["31-02-2026", "29-02-2025", "00-01-2026", "32-01-2026", "12-13-2026", "2026-02-30", "abc", "", "1-1-26"])
    func impossible(_ text: String) {
        #expect(Day.parse(text) == nil)
    }

    @Test("Month arithmetic clamps to the month's last day")
    func monthArithmetic() {
        #expect(Day.parseISO("2026-08-31")!.adding(months: 6).iso == "2027-02-28")
        #expect(Day.parseISO("2023-08-31")!.adding(months: 6).iso == "2024-02-29")
        #expect(Day.parseISO("2026-07-31")!.adding(months: 6).iso == "2027-01-31")
        #expect(Day.parseISO("2024-02-29")!.adding(years: 1).iso == "2025-02-28")
        #expect(Day.parseISO("2026-01-31")!.adding(months: 1).iso == "2026-02-28")
        #expect(Day.parseISO("2026-12-15")!.adding(months: 1).iso == "2027-01-15")
    }

    @Test("Whole months completed")
    func wholeMonths() {
        let d = Day.parseISO("2026-11-23")!
        #expect(Day.parseISO("2026-08-23")!.wholeMonths(until: d) == 3)
        #expect(Day.parseISO("2026-08-24")!.wholeMonths(until: d) == 2)
        #expect(Day.parseISO("2026-10-01")!.wholeMonths(until: d) == 1)
        #expect(Day.parseISO("2026-11-30")!.wholeMonths(until: d) == 0)
        #expect(Day.parseISO("2026-08-31")!.wholeMonths(until: Day.parseISO("2026-11-30")!) == 3)
    }

    @Test("Weekdays and Dutch notation")
    func weekday() {
        #expect(Day.parseISO("2026-11-23")!.isoWeekday == 1)  // Monday
        #expect(Day.parseISO("1970-01-01")!.isoWeekday == 4)
        #expect(Day.parseISO("2026-11-23")!.dutch == "23-11-2026")
        #expect(Day.parseISO("1969-12-31")!.iso == "1969-12-31")
    }

    @Test("The table of daylight-saving changes gives the offset the rule gives, at and around each change, 1960–2210")
    func offsetTable() {
        for year in 1960...2210 {
            for month in [3, 10] {
                let change = Timestamp(utcDay: AmsterdamTime.lastSunday(year: year, month: month), seconds: 3600).milliseconds
                for delta: Int64 in [-86_400_000, -1, 0, 1, 3_600_000, 40 * 86_400_000] {
                    let t = Timestamp(milliseconds: change + delta)
                    #expect(AmsterdamTime.utcOffsetSeconds(at: t) == AmsterdamTime.computedOffset(at: t), "\(year)-\(month) \(delta)")
                }
            }
        }
    }

    @Test("Nights in Europe/Amsterdam across the daylight-saving changes")
    func nightsAcrossDST() {
        func t(_ iso: String, _ h: Int, _ m: Int = 0) -> Timestamp { Timestamp(utcDay: Day.parseISO(iso)!, seconds: h * 3600 + m * 60) }
        // Spring forward: Sunday 29 March 2026, 02:00 CET → 03:00 CEST at 01:00 UTC.
        #expect(AmsterdamTime.lastSunday(year: 2026, month: 3).iso == "2026-03-29")
        #expect(AmsterdamTime.utcOffsetSeconds(at: t("2026-03-29", 0, 59)) == 3600)
        #expect(AmsterdamTime.utcOffsetSeconds(at: t("2026-03-29", 1)) == 7200)
        #expect(AmsterdamTime.night(of: t("2026-03-28", 22)).iso == "2026-03-28")  // 23:00 CET Saturday
        #expect(AmsterdamTime.night(of: t("2026-03-29", 9)).iso == "2026-03-28")   // 11:00 CEST Sunday morning
        #expect(AmsterdamTime.night(of: t("2026-03-29", 10)).iso == "2026-03-29")  // 12:00 CEST: the next night
        // Fall back: Sunday 25 October 2026, 03:00 CEST → 02:00 CET at 01:00 UTC.
        #expect(AmsterdamTime.lastSunday(year: 2026, month: 10).iso == "2026-10-25")
        #expect(AmsterdamTime.utcOffsetSeconds(at: t("2026-10-25", 0, 59)) == 7200)
        #expect(AmsterdamTime.utcOffsetSeconds(at: t("2026-10-25", 1)) == 3600)
        #expect(AmsterdamTime.night(of: t("2026-10-24", 22, 30)).iso == "2026-10-24") // 00:30 CEST on the 25th
        #expect(AmsterdamTime.night(of: t("2026-10-25", 10, 59)).iso == "2026-10-24") // 11:59 CET
        #expect(AmsterdamTime.night(of: t("2026-10-25", 11)).iso == "2026-10-25")     // 12:00 CET
        #expect(AmsterdamTime.formatted(t("2026-11-23", 18, 4)) == "23-11-2026 19:04")
        #expect(AmsterdamTime.formatted(t("2026-07-01", 18, 4)) == "01-07-2026 20:04")
    }
}
