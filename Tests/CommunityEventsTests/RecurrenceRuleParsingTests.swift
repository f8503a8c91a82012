import CommunityCore
import CommunityEvents
import Foundation
import CommunityTesting
import Testing

/// RRULE parsing, validation and serialization.
@Suite("RecurrenceRule parsing")
struct RecurrenceRuleParsingTests {
    @Test("parses every part")
    func parsesEverything() throws {
        let rule = try RecurrenceRule(
            parsing: "freq=yearly;interval=2;until=20300101T000000Z;bysecond=0,30;byminute=5;byhour=9,17;"
                + "byday=1MO,-1fr,+2TU;bymonthday=1,-1;byyearday=100,-100;bymonth=1,6;bysetpos=1,-1;wkst=su")
        #expect(rule.frequency == .yearly)
        #expect(rule.interval == 2)
        #expect(rule.until == .utc(try LocalDateTime(parsing: "2030-01-01T00:00:00")))
        #expect(rule.byDay == [
            WeekdayOccurrence(.monday, ordinal: 1), WeekdayOccurrence(.friday, ordinal: -1),
            WeekdayOccurrence(.tuesday, ordinal: 2),
        ])
        #expect(rule.byMonthDay == [1, -1])
        #expect(rule.weekStart == .sunday)
        #expect(try RecurrenceRule(parsing: rule.rruleString) == rule)
        #expect(rule.rruleString.hasPrefix("FREQ=YEARLY;UNTIL=20300101T000000Z;INTERVAL=2;BYSECOND=0,30"))
    }

    @Test("date-time text forms", arguments: [
        ("2024-01-02T03:04:05", "2024-01-02T03:04:05"), ("20240102T030405", "2024-01-02T03:04:05"),
        ("20240102T030405Z", "2024-01-02T03:04:05"), ("2024-01-02", "2024-01-02T00:00:00"),
        ("20240102", "2024-01-02T00:00:00"), ("2024-01-02T03:04:05Z", "2024-01-02T03:04:05"),
    ])
    func dateTimeForms(_ text: String, _ iso: String) throws {
        #expect(try LocalDateTime(parsing: text).isoString == iso)
    }

    @Test("malformed date-times are rejected", arguments: [
        "2024x01x02T03:04:05", "2024-01-02X03:04:05", "2024-01-02T03-04-05", "2024x01x02", "2024-02-30",
        "2023-02-29", "2024-13-01", "2024-01-01T24:00:00", "2024-01-01T23:60:00", "2024-01-01T23:59:60",
        "0000-01-01", "", "T", "20240102T0304", "2024-01-02T03:04:05+01:00", "２０２４-01-01", "2024-01-02T03:04:05ZZ",
    ])
    func malformedDateTimes(_ text: String) {
        #expect(throws: CommunityError.self) { try LocalDateTime(parsing: text) }
    }

    @Test("UNTIL forms", arguments: [
        ("19971224T000000Z", RecurrenceUntil.utc(try! LocalDateTime(parsing: "1997-12-24T00:00:00"))),
        ("19971224T090000", .local(try! LocalDateTime(parsing: "1997-12-24T09:00:00"))),
        ("19971224", .date(try! LocalDateTime(parsing: "1997-12-24"))),
    ])
    func untilForms(_ text: String, _ until: RecurrenceUntil) throws {
        let rule = try RecurrenceRule(parsing: "FREQ=DAILY;UNTIL=\(text)")
        #expect(rule.until == until)
        #expect(rule.rruleString == "FREQ=DAILY;UNTIL=\(text)")
    }

    @Test("rejects invalid rules, naming the offending part", arguments: [
        ("", "rrule"),
        ("COUNT=3", "rrule.FREQ"),
        ("FREQ=DAILY;COUNT=3;UNTIL=20240101T000000Z", "rrule.COUNT"),
        ("FREQ=MONTHLY;BYWEEKNO=3", "rrule.BYWEEKNO"),
        ("FREQ=WEEKLY;BYDAY=1MO", "rrule.BYDAY"),
        ("FREQ=DAILY;BYDAY=-1FR", "rrule.BYDAY"),
        ("FREQ=YEARLY;BYWEEKNO=20;BYDAY=1MO", "rrule.BYDAY"),
        ("FREQ=MONTHLY;BYYEARDAY=100", "rrule.BYYEARDAY"),
        ("FREQ=WEEKLY;BYYEARDAY=100", "rrule.BYYEARDAY"),
        ("FREQ=DAILY;BYYEARDAY=100", "rrule.BYYEARDAY"),
        ("FREQ=WEEKLY;BYMONTHDAY=3", "rrule.BYMONTHDAY"),
        ("FREQ=MONTHLY;BYMONTHDAY=0", "rrule.BYMONTHDAY"),
        ("FREQ=MONTHLY;BYMONTHDAY=32", "rrule.BYMONTHDAY"),
        ("FREQ=YEARLY;BYYEARDAY=367", "rrule.BYYEARDAY"),
        ("FREQ=YEARLY;BYYEARDAY=0", "rrule.BYYEARDAY"),
        ("FREQ=YEARLY;BYWEEKNO=54", "rrule.BYWEEKNO"),
        ("FREQ=YEARLY;BYWEEKNO=0", "rrule.BYWEEKNO"),
        ("FREQ=YEARLY;BYMONTH=13", "rrule.BYMONTH"),
        ("FREQ=YEARLY;BYMONTH=0", "rrule.BYMONTH"),
        ("FREQ=DAILY;BYHOUR=24", "rrule.BYHOUR"),
        ("FREQ=DAILY;BYMINUTE=60", "rrule.BYMINUTE"),
        ("FREQ=DAILY;BYSECOND=61", "rrule.BYSECOND"),
        ("FREQ=DAILY;BYSECOND=-1", "rrule.BYSECOND"),
        ("FREQ=MONTHLY;BYDAY=MO;BYSETPOS=0", "rrule.BYSETPOS"),
        ("FREQ=MONTHLY;BYSETPOS=1", "rrule.BYSETPOS"),
        ("FREQ=MONTHLY;BYDAY=0MO", "rrule.BYDAY"),
        ("FREQ=MONTHLY;BYDAY=54MO", "rrule.BYDAY"),
        ("FREQ=MONTHLY;BYDAY=XX", "rrule.BYDAY"),
        ("FREQ=DAILY;INTERVAL=0", "rrule.INTERVAL"),
        ("FREQ=DAILY;INTERVAL=-2", "rrule.INTERVAL"),
        ("FREQ=DAILY;COUNT=0", "rrule.COUNT"),
        ("FREQ=DAILY;COUNT=99999999999999999999", "rrule.COUNT"),
        ("FREQ=DAILY;FREQ=WEEKLY", "rrule.FREQ"),
        ("FREQ=DAILY;COUNT=2;COUNT=3", "rrule.COUNT"),
        ("FREQ=DAILY;FOO=1", "rrule.FOO"),
        ("FREQ=DAILY;BYDAY=", "rrule.BYDAY"),
        ("FREQ=DAILY;BYHOUR=1,,2", "rrule.BYHOUR"),
        ("FREQ=FORTNIGHTLY", "rrule.FREQ"),
        ("FREQ=DAILY;UNTIL=20240230", "rrule.UNTIL"),
        ("FREQ=DAILY;UNTIL=2024-01-01", "rrule.UNTIL"),
        ("FREQ=DAILY;WKST=XY", "rrule.WKST"),
        ("FREQ=DAILY;;COUNT=2", "rrule"),
        ("FREQ", "rrule"),
        ("garbage", "rrule"),
    ])
    func rejects(_ text: String, _ field: String) {
        do {
            let rule = try RecurrenceRule(parsing: text)
            Issue.record("accepted '\(text)' as \(rule)")
        } catch let error as CommunityError {
            #expect(error.code == .invalidInput)
            #expect(error.field == field, "\(text): \(error.message)")
            #expect(!error.message.isEmpty)
        } catch {
            Issue.record("unexpected error \(error)")
        }
    }

    @Test("random valid rules round-trip through their serialization")
    func roundTrip() throws {
        var random = SplitMix64(seed: 42)
        for _ in 0..<2000 {
            let rule = Self.randomRule(&random)
            let text = rule.rruleString
            let parsed = try RecurrenceRule(parsing: text)
            #expect(parsed == rule, "\(text)")
            #expect(parsed.rruleString == text)
            let data = try JSONEncoder().encode(rule)
            #expect(try JSONDecoder().decode(RecurrenceRule.self, from: data) == rule)
        }
    }

    @Test("random garbage never crashes and is rejected as invalid input")
    func garbage() {
        var random = SplitMix64(seed: 7)
        let alphabet = Array("FREQ=DAILYWEKMONTHYR;BYDAYMOTUWTHFRSASU,+-0123456789ZTUNTILCOUNTINTERVAL=;;,,\0\n é😀")
        let fragments = ["FREQ=", "DAILY", "WEEKLY", ";", "=", ",", "BYDAY=", "1MO", "-1FR", "COUNT=", "UNTIL=",
            "19970902T090000Z", "BYMONTH=", "13", "0", "-", "+", "BYSETPOS=", "WKST=", "XX", "BYWEEKNO=", "53"]
        var accepted = 0
        for i in 0..<5000 {
            var text = ""
            let length = Int(random.next() % 40)
            for _ in 0..<length {
                if i % 2 == 0 {
                    text.append(alphabet[Int(random.next() % UInt64(alphabet.count))])
                } else {
                    text += fragments[Int(random.next() % UInt64(fragments.count))]
                }
            }
            do {
                let rule = try RecurrenceRule(parsing: text)
                accepted += 1
                #expect(try RecurrenceRule(parsing: rule.rruleString) == rule)
            } catch let error as CommunityError {
                #expect(error.code == .invalidInput)
                #expect(error.field?.hasPrefix("rrule") == true)
            } catch {
                Issue.record("unexpected error \(error) for \(text.debugDescription)")
            }
        }
        #expect(accepted < 5000)
    }

    /// A random rule that is valid by construction.
    static func randomRule(_ random: inout SplitMix64) -> RecurrenceRule {
        func pick(_ n: Int) -> Int { Int(random.next() % UInt64(n)) }
        func chance(_ percent: Int) -> Bool { pick(100) < percent }
        func list(_ range: ClosedRange<Int>, signed: Bool) -> [Int] {
            (0..<(1 + pick(4))).map { _ in
                let value = range.lowerBound + pick(range.count)
                return signed && chance(50) ? -value : value
            }
        }
        let frequency = RecurrenceFrequency.allCases[pick(7)]
        var count: Int?
        var until: RecurrenceUntil?
        switch pick(3) {
        case 0: count = 1 + pick(500)
        case 1:
            let value = (try? LocalDateTime(year: 1970 + pick(100), month: 1 + pick(12), day: 1 + pick(28),
                hour: pick(24), minute: pick(60), second: pick(60))) ?? (try? LocalDateTime(parsing: "2000-01-01"))
            if let value { until = [RecurrenceUntil.utc(value), .local(value), .date(value.startOfDay)][pick(3)] }
        default: break
        }
        let ordinalsAllowed = frequency == .monthly || frequency == .yearly
        let byWeekNo = frequency == .yearly && chance(20) ? list(1...53, signed: true) : []
        let byDay: [WeekdayOccurrence] = chance(40)
            ? (0..<(1 + pick(3))).map { _ in
                let ordinal: Int? = ordinalsAllowed && byWeekNo.isEmpty && chance(50)
                    ? (1 + pick(5)) * (chance(50) ? -1 : 1) : nil
                return WeekdayOccurrence(Weekday.allCases[pick(7)], ordinal: ordinal)
            } : []
        let byMonthDay = frequency != .weekly && chance(30) ? list(1...31, signed: true) : []
        let byYearDay = ![.daily, .weekly, .monthly].contains(frequency) && chance(20) ? list(1...366, signed: true) : []
        let byMonth = chance(30) ? list(1...12, signed: false) : []
        let byHour = chance(30) ? list(0...23, signed: false) : []
        let byMinute = chance(20) ? list(0...59, signed: false) : []
        let bySecond = chance(10) ? list(0...60, signed: false) : []
        var bySetPos = chance(20) ? list(1...366, signed: true) : []
        if byDay.isEmpty && byMonthDay.isEmpty && byYearDay.isEmpty && byWeekNo.isEmpty && byMonth.isEmpty
            && byHour.isEmpty && byMinute.isEmpty && bySecond.isEmpty
        {
            bySetPos = []
        }
        do {
            return try RecurrenceRule(
                frequency: frequency, interval: chance(50) ? 1 : 1 + pick(30), count: count, until: until,
                bySecond: bySecond, byMinute: byMinute, byHour: byHour, byDay: byDay, byMonthDay: byMonthDay,
                byYearDay: byYearDay, byWeekNo: byWeekNo, byMonth: byMonth, bySetPos: bySetPos,
                weekStart: chance(30) ? Weekday.allCases[pick(7)] : nil)
        } catch {
            Issue.record("generator built an invalid rule: \(error)")
            return (try? RecurrenceRule(frequency: .daily)) ?? randomRule(&random)
        }
    }
}
