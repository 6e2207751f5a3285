// Account sets (schema 6) on SQLite and on PostgreSQL: the repository, the AccountSets service's
// rules, and a post addressed to a set becoming one post per account of the set.
#include "PostgresServer.h"
#include "StoreFixture.h"
#include "TestFixtures.h"
#include "publish/AccountSets.h"
#include "storage/AccountRepository.h"
#include "storage/AccountSetRepository.h"

#include <QFile>
#include <QTest>

using namespace cq;
using namespace cq::test;

class TestAccountSets : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void repositoryRoundTrip();
    void serviceRefusesWhatMakesNoSense();
    void disconnectingAnAccountLeavesItsSets();
    void postToASetBecomesOnePostPerAccount();
    void unknownOrEmptySetIsAValidationErrorNamingIt();

private:
    // Ana (default), Bob and Cem, connected in that order.
    static void connectAccounts(StoreFixture &fixture);
};

void TestAccountSets::connectAccounts(StoreFixture &fixture) {
    AccountRepository accounts(fixture.database());
    const QDateTime at = fixture.clock().nowUtc();
    int minute = 0;
    for (const char *name : {"ana", "bob", "cem"}) {
        const QString id = u"id-" + QLatin1StringView(name);
        const QString openId = u"open-" + QLatin1StringView(name);
        QVERIFY(accounts
                    .insert(Account{id, openId, QString::fromLatin1(name), minute == 0, at.addDays(1),
                                    at.addDays(365)},
                            at.addSecs(60 * minute++))
                    .has_value());
    }
}

void TestAccountSets::repositoryRoundTrip() {
    StoreFixture fixture;
    REQUIRE_STORE_FOR("account set", fixture);
    connectAccounts(fixture);
    AccountSetRepository sets(fixture.database());
    const QDateTime at = fixture.clock().nowUtc();
    QVERIFY(sets.insert(AccountSet{QStringLiteral("set-1"), QStringLiteral("brand channels"), {}}, at)
                .has_value());
    QVERIFY(!sets.insert(AccountSet{QStringLiteral("set-2"), QStringLiteral("brand channels"), {}}, at)
                 .has_value()); // names are unique
    QVERIFY(sets.addMember(QStringLiteral("set-1"), QStringLiteral("id-cem"), at).has_value());
    QVERIFY(sets.addMember(QStringLiteral("set-1"), QStringLiteral("id-ana"), at.addMSecs(1)).has_value());
    QVERIFY(sets.addMember(QStringLiteral("set-1"), QStringLiteral("id-cem"), at.addMSecs(2))
                .has_value()); // again
    QVERIFY(
        !sets.addMember(QStringLiteral("set-1"), QStringLiteral("id-nobody"), at).has_value()); // foreign key

    const auto byName = sets.find(QStringLiteral("brand channels"));
    QVERIFY(byName && *byName);
    QCOMPARE((*byName)->id, QStringLiteral("set-1"));
    QCOMPARE((*byName)->accountIds, (QStringList{QStringLiteral("id-cem"), QStringLiteral("id-ana")}));
    QCOMPARE(sets.find(QStringLiteral("set-1")).value()->name, QStringLiteral("brand channels"));
    QVERIFY(!sets.find(QStringLiteral("nothing")).value().has_value());

    QVERIFY(sets.rename(QStringLiteral("set-1"), QStringLiteral("Brands")).has_value());
    QVERIFY(sets.removeMember(QStringLiteral("set-1"), QStringLiteral("id-cem")).has_value());
    QVERIFY(sets.insert(AccountSet{QStringLiteral("set-0"), QStringLiteral("Alpha"), {}}, at).has_value());
    const auto list = sets.list();
    QVERIFY(list.has_value());
    QCOMPARE(list->size(), 2);
    QCOMPARE(list->at(0).name, QStringLiteral("Alpha")); // by name
    QCOMPARE(list->at(1).name, QStringLiteral("Brands"));
    QCOMPARE(list->at(1).accountIds, QStringList{QStringLiteral("id-ana")});

    QVERIFY(sets.remove(QStringLiteral("set-1")).has_value());
    QVERIFY(sets.remove(QStringLiteral("set-1")).has_value()); // gone already
    QCOMPARE(sets.list()->size(), 1);
    auto orphans = fixture.database().exec(QStringLiteral("SELECT COUNT(*) FROM account_set_members"));
    QVERIFY(orphans && orphans->next());
    QCOMPARE(orphans->value(0).toInt(), 0);
}

void TestAccountSets::serviceRefusesWhatMakesNoSense() {
    StoreFixture fixture;
    REQUIRE_STORE_FOR("account set", fixture);
    connectAccounts(fixture);
    AccountSets sets(fixture.database(), fixture.clock());
    const auto brands = sets.create(QStringLiteral("  brand channels "));
    QVERIFY(brands.has_value());
    QCOMPARE(brands->name, QStringLiteral("brand channels"));
    QCOMPARE(sets.create(QStringLiteral("brand channels")).error().code, ErrorCode::Usage);
    QCOMPARE(sets.create(QStringLiteral("   ")).error().code, ErrorCode::Usage);

    // Accounts by id or open id, in the order given; an unknown one changes nothing.
    const auto filled = sets.addAccounts(QStringLiteral("brand channels"),
                                         {QStringLiteral("open-bob"), QStringLiteral("id-ana")});
    QVERIFY2(filled.has_value(), qPrintable(filled ? QString() : filled.error().message));
    QCOMPARE(filled->accountIds, (QStringList{QStringLiteral("id-bob"), QStringLiteral("id-ana")}));
    const auto unknown = sets.addAccounts(brands->id, {QStringLiteral("id-cem"), QStringLiteral("nobody")});
    QCOMPARE(unknown.error().code, ErrorCode::NotFound);
    QVERIFY2(unknown.error().message.contains(u"\"nobody\""), qPrintable(unknown.error().message));
    QCOMPARE(sets.get(brands->id)->accountIds.size(), 2);

    QCOMPARE(sets.addAccounts(QStringLiteral("no such set"), {QStringLiteral("id-ana")}).error().code,
             ErrorCode::NotFound);
    QVERIFY(sets.create(QStringLiteral("other")).has_value());
    QCOMPARE(sets.rename(brands->id, QStringLiteral("other")).error().code, ErrorCode::Usage);
    QCOMPARE(sets.rename(brands->id, QStringLiteral("Brands"))->name, QStringLiteral("Brands"));
    QCOMPARE(sets.rename(brands->id, QStringLiteral("Brands"))->name,
             QStringLiteral("Brands")); // its own name

    const auto ticked = sets.setAccounts(brands->id, {QStringLiteral("id-cem"), QStringLiteral("id-ana")});
    QVERIFY(ticked.has_value());
    QCOMPARE(QSet<QString>(ticked->accountIds.cbegin(), ticked->accountIds.cend()),
             (QSet<QString>{QStringLiteral("id-cem"), QStringLiteral("id-ana")}));
    QCOMPARE(sets.removeAccounts(QStringLiteral("Brands"), {QStringLiteral("open-cem")})->accountIds,
             QStringList{QStringLiteral("id-ana")});
    QVERIFY(sets.remove(QStringLiteral("Brands")).has_value());
    QCOMPARE(sets.remove(QStringLiteral("Brands")).error().code, ErrorCode::NotFound);
    QCOMPARE(sets.list()->size(), 1);
}

void TestAccountSets::disconnectingAnAccountLeavesItsSets() {
    StoreFixture fixture;
    REQUIRE_STORE_FOR("account set", fixture);
    connectAccounts(fixture);
    AccountSets sets(fixture.database(), fixture.clock());
    const auto set = sets.create(QStringLiteral("all"));
    QVERIFY(sets.addAccounts(set->id, {QStringLiteral("id-ana"), QStringLiteral("id-bob")}).has_value());
    QVERIFY(AccountRepository(fixture.database()).remove(QStringLiteral("id-bob")).has_value());
    QCOMPARE(sets.get(set->id)->accountIds, QStringList{QStringLiteral("id-ana")});
}

void TestAccountSets::postToASetBecomesOnePostPerAccount() {
    StoreFixture fixture;
    REQUIRE_STORE_FOR("account set", fixture);
    connectAccounts(fixture);
    AccountSets sets(fixture.database(), fixture.clock());
    const auto set = sets.create(QStringLiteral("brand channels"));
    QVERIFY(sets.addAccounts(set->id, {QStringLiteral("id-bob"), QStringLiteral("id-cem")}).has_value());

    Post post = validVideoPost();
    post.accounts = {QStringLiteral("open-ana"), QStringLiteral("id-bob")}; // Bob is in the set already
    post.platformSetId = QStringLiteral("brand channels");
    const auto created = fixture.importer().create(post, QString(), false);
    QVERIFY2(created.has_value(), qPrintable(created ? QString() : created.error().message));
    QCOMPARE(created->perAccount.size(), 3);
    QStringList accounts;
    for (const StoredPost &each : created->perAccount) {
        accounts << each.accountId();
        QVERIFY(each.content.platformSetId.isEmpty()); // each stored post goes to its one account
        QCOMPARE(each.media.first().sha256, created->post.media.first().sha256); // stored once
        QCOMPARE(fixture.posts().repository().get(each.id)->accountId(), each.accountId());
    }
    QCOMPARE(accounts,
             (QStringList{QStringLiteral("id-bob"), QStringLiteral("id-cem"), QStringLiteral("id-ana")}));

    // The set by id works the same, and a set changed later does not change stored posts.
    post.accounts.clear();
    post.platformSetId = set->id;
    const auto byId = fixture.importer().create(post, QString(), false);
    QVERIFY(byId.has_value());
    QCOMPARE(byId->perAccount.size(), 2);
    QVERIFY(sets.remove(set->id).has_value());
    QCOMPARE(fixture.posts().repository().get(byId->post.id)->accountId(), QStringLiteral("id-bob"));
}

void TestAccountSets::unknownOrEmptySetIsAValidationErrorNamingIt() {
    StoreFixture fixture;
    REQUIRE_STORE_FOR("account set", fixture);
    connectAccounts(fixture);
    AccountSets sets(fixture.database(), fixture.clock());
    QVERIFY(sets.create(QStringLiteral("empty one")).has_value());
    const auto before = fixture.posts().repository().list(std::nullopt, 10);

    Post post = validVideoPost();
    post.accounts.clear();
    post.platformSetId = QStringLiteral("no such set");
    auto refused = fixture.importer().create(post, QString(), false);
    QCOMPARE(refused.error().code, ErrorCode::ValidationFailed);
    QVERIFY2(refused.error().message.contains(u"\"no such set\""), qPrintable(refused.error().message));
    QCOMPARE(sets.check(post)->value().known, false);

    post.platformSetId = QStringLiteral("empty one");
    refused = fixture.importer().create(post, QString(), false);
    QCOMPARE(refused.error().code, ErrorCode::ValidationFailed);
    QVERIFY2(refused.error().message.contains(u"\"empty one\" has no accounts"),
             qPrintable(refused.error().message));
    QCOMPARE(fixture.posts().repository().list(std::nullopt, 10)->size(), before->size()); // nothing stored

    // The validator reports both as findings on /platformSetId.
    ValidationContext context;
    context.accountSet = *sets.check(post);
    const QList<Finding> findings = validatePost(post, {}, context);
    const auto finding = std::find_if(findings.cbegin(), findings.cend(), [](const Finding &f) {
        return f.code == FindingCode::PostAccountSetEmpty;
    });
    QVERIFY(finding != findings.cend());
    QCOMPARE(finding->field, QStringLiteral("/platformSetId"));
    QCOMPARE(findingCodeName(finding->code), QStringLiteral("post.account_set_empty"));
    QVERIFY(finding->isError());
    // Without a lookup (no database), a set is not judged.
    const QList<Finding> unchecked = validatePost(post, {}, ValidationContext{});
    QVERIFY(std::none_of(unchecked.cbegin(), unchecked.cend(), [](const Finding &f) {
        return f.code == FindingCode::PostAccountSetEmpty || f.code == FindingCode::PostAccountSetUnknown;
    }));
}

QTEST_GUILESS_MAIN(TestAccountSets)
#include "tst_accountsets.moc"
