import CheckInCore
import Foundation
import Testing

@testable import CheckInApp

@Suite("import: good files")
struct ImportGoodFileTests {
  static let goodRows = [
    #"1,Sara Haddad,+20 100 000 0001,GYM-1,1,1,101,sessions,active,12,8,2026-01-01,2026-12-31,1990-04-02,"Mornings, ""quiet"" locker""#,
    "2,أحمد السيد,+20 100 000 0002,CARD-2-AB12,1,yes,102,coins,active,50,40,2026-01-01,2026-12-31,,",
    "2,أحمد السيد,+20 100 000 0002,CARD-2-AB12,1,yes,103,time,active,,,2026-03-01,2026-03-31,,",
    "3,Hana Tarek,,,2,0,,,,,,,,,",
    "4,مريم حسن,0100 555,customer_id:4,1,true,104,sessions,frozen,10,10,2026-02-01,2026-08-01,,\"knee\ninjury\"",
  ]

  @Test func importsMembersWithAndWithoutPlans() async throws {
    let sandbox = try Sandbox()
    defer { sandbox.remove() }
    let file = try sandbox.write(
      "members.csv", SheetText.file(Self.goodRows, header: SheetText.fullHeader))
    let database = sandbox.path("gym/station.sqlite3")
    let result = await sandbox.run(["import", file, "--db", database])
    #expect(result.status == 0, "\(result)")
    #expect(result.out.contains("4 members added, 0 updated; 4 plans added, 0 updated"))
    #expect(result.out.contains("2 branches added"))

    let probe = try StoreProbe(database)
    #expect(try probe.members == 4)
    #expect(try probe.plans == 4)
    let sara = try probe.card(1)
    #expect(sara.member.qrCode == "GYM-1")
    #expect(sara.member.phone == "+20 100 000 0001")
    #expect(sara.member.dateOfBirth?.description == "1990-04-02")
    #expect(sara.member.notes == #"Mornings, "quiet" locker"#)
    #expect(sara.subscriptions.map(\.remaining) == [8])

    let ahmed = try probe.card(2)
    #expect(ahmed.member.fullName == "أحمد السيد")
    #expect(Set(ahmed.subscriptions.map(\.id)) == [102, 103])
    let time = try #require(ahmed.subscriptions.first { $0.id == 103 })
    #expect(time.kind == .time)
    #expect(time.remaining == nil)
    #expect(time.total == nil)

    let hana = try probe.card(3)
    #expect(!hana.member.isActive)
    #expect(hana.member.branchID == 2)
    #expect(hana.member.phone == nil)
    #expect(hana.member.qrCode == nil)
    #expect(hana.subscriptions.isEmpty)

    let mariam = try probe.card(4)
    #expect(mariam.member.notes == "knee\ninjury")
    #expect(mariam.subscriptions.first?.status == .frozen)
  }

  @Test func importedMembersCanBeScanned() async throws {
    let sandbox = try Sandbox()
    defer { sandbox.remove() }
    let file = try sandbox.write(
      "members.csv", SheetText.file(Self.goodRows, header: SheetText.fullHeader))
    let database = sandbox.path("station.sqlite3")
    #expect(await sandbox.run(["import", file, "--db", database]).status == 0)
    let scan = await sandbox.run(["--db", database, "scan", "card-2-ab12", "--json"])
    #expect(scan.status == 0, "\(scan)")
    let receipt = try JSON.onlyObject(in: scan)
    #expect(receipt.int("customer_id") == 2)
    // A time plan is preferred: entry on it costs the member nothing.
    #expect(receipt.int("subscription_id") == 103)
    #expect(receipt.string("action") == "check_in_only")
    let coins = await sandbox.run(
      [
        "--db", database, "scan", "CARD-2-AB12", "--plan", "102", "--duplicate-window", "0",
        "--json",
      ])
    #expect(coins.status == 0, "\(coins)")
    #expect(try JSON.onlyObject(in: coins).int("remaining") == 39)
  }

  @Test func theOptionalColumnsMayBeLeftOut() async throws {
    let sandbox = try Sandbox()
    defer { sandbox.remove() }
    let file = try sandbox.write(
      "members.csv",
      "\u{FEFF}" + SheetText.header.uppercased() + "\r\n"
        + "7,Omar Khalil,,,1,1,107,sessions,active,,3,,\r\n")
    let database = sandbox.path("station.sqlite3")
    let result = await sandbox.run(["import", file, "--db", database])
    #expect(result.status == 0, "\(result)")
    let card = try StoreProbe(database).card(7)
    #expect(card.member.notes == nil)
    #expect(card.subscriptions.first?.remaining == 3)
    #expect(card.subscriptions.first?.total == nil)
  }

  @Test func reimportingUpdatesRowsById() async throws {
    let sandbox = try Sandbox()
    defer { sandbox.remove() }
    let database = sandbox.path("station.sqlite3")
    let first = try sandbox.write(
      "first.csv", SheetText.file(Self.goodRows, header: SheetText.fullHeader))
    #expect(await sandbox.run(["import", first, "--db", database]).status == 0)

    let second = try sandbox.write(
      "second.csv",
      SheetText.file([
        "1,Sara H. Haddad,+20 100 000 0009,GYM-1,1,0,101,sessions,active,12,5,2026-01-01,2027-01-31",
        "5,New Member,,,1,1,105,coins,active,20,20,,",
      ]))
    let result = await sandbox.run(["import", second, "--db", database])
    #expect(result.status == 0, "\(result)")
    #expect(result.out.contains("1 members added, 1 updated; 1 plans added, 1 updated"))

    let probe = try StoreProbe(database)
    #expect(try probe.members == 5)
    #expect(try probe.plans == 5)
    let sara = try probe.card(1)
    #expect(sara.member.fullName == "Sara H. Haddad")
    #expect(sara.member.phone == "+20 100 000 0009")
    #expect(!sara.member.isActive)
    #expect(sara.subscriptions.first?.remaining == 5)
    #expect(sara.subscriptions.first?.endDate?.description == "2027-01-31")
    let search = await sandbox.run(["--db", database, "search", "Haddad", "--json"])
    #expect(try JSON.array(search.out).map { $0.string("customer_name") } == ["Sara H. Haddad"])
  }

  @Test func dryRunWritesNothing() async throws {
    let sandbox = try Sandbox()
    defer { sandbox.remove() }
    let file = try sandbox.write(
      "members.csv", SheetText.file(Self.goodRows, header: SheetText.fullHeader))
    let database = sandbox.path("station.sqlite3")
    let dry = await sandbox.run(["import", file, "--db", database, "--dry-run"])
    #expect(dry.status == 0, "\(dry)")
    #expect(dry.out.contains("4 members, 4 plans"))
    #expect(!sandbox.exists(database))

    #expect(await sandbox.run(["import", file, "--db", database]).status == 0)
    let changed = try sandbox.write(
      "changed.csv",
      SheetText.file(["1,Renamed,,GYM-1,1,1,101,sessions,active,12,1,,", "9,Extra,,,1,1,,,,,,,"]))
    let before = try StoreProbe(database).totals
    let again = await sandbox.run(["import", changed, "--db", database, "--dry-run"])
    #expect(again.status == 0, "\(again)")
    let probe = try StoreProbe(database)
    #expect(try probe.totals == before)
    #expect(try probe.card(1).member.fullName == "Sara Haddad")
  }
}
