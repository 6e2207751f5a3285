// The post JSON contract (docs/post-json.md): parse, write, keep what we do not know.
#include "TestFixtures.h"
#include "post/CreatorInfo.h"
#include "post/PostJson.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace cq;

namespace {
// The example of docs/post-json.md, with an account id filled in.
QByteArray contractExample() {
    QFile file(cq::test::dataPath(QStringLiteral("post_contract_example.json")));
    if (!file.open(QIODevice::ReadOnly)) {
        qFatal("tests/data/post_contract_example.json is missing");
    }
    return file.readAll();
}
} // namespace

class TestPostJson : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void readsTheContractExample();
    void roundTripKeepsUnknownFieldsAtEveryLevel();
    void unknownFieldsAreWarnings();
    void malformedJsonNamesLineAndColumn();
    void wrongTypesNameTheField_data();
    void wrongTypesNameTheField();
    void interactionsDefaultToDisabled();
    void scheduledForNeedsAnOffset();
    void writesNullScheduleAsNull();
    void creatorInfoRoundTripsThroughItsJson();
    void absurdNumbersAreRefused_data();
    void absurdNumbersAreRefused();
    void absurdCreatorMaximumIsRefused();
    void inputFarBeyondTikTokLimitsIsRefused_data();
    void inputFarBeyondTikTokLimitsIsRefused();
};

void TestPostJson::readsTheContractExample() {
    const auto parsed = parsePostJson(contractExample());
    QVERIFY2(parsed.has_value(), qPrintable(parsed ? QString() : parsed.error().message));
    const Post &post = parsed->post;
    QCOMPARE(post.text, QStringLiteral("Launch clip for the new feature #launch"));
    QCOMPARE(post.media.size(), 1);
    const MediaDescriptor &media = post.media.first();
    QCOMPARE(media.url, QStringLiteral("file:///home/ana/clips/launch.mp4"));
    QCOMPARE(media.type, MediaType::Video);
    QCOMPARE(media.sizeBytes, 18432000);
    QCOMPARE(media.width, 1080);
    QCOMPARE(media.height, 1920);
    QCOMPARE(media.durationSeconds, 24.0);
    QCOMPARE(post.tiktok.privacyLevel, QStringLiteral("SELF_ONLY"));
    QVERIFY(post.tiktok.disableComment);
    QVERIFY(!post.tiktok.disableDuet);
    QCOMPARE(post.tiktok.videoCoverTimestampMs, 1000);
    QVERIFY(post.tiktok.autoAddMusic);
    QVERIFY(post.scheduledFor.has_value());
    QCOMPARE(post.scheduledFor->toUTC(), QDateTime(QDate(2026, 12, 1), QTime(17, 30), Qt::UTC));
    QCOMPARE(post.accounts, QStringList{QStringLiteral("acct-1")});
    QVERIFY(post.platformSetId.isEmpty());
    QVERIFY(parsed->warnings.isEmpty());
}

void TestPostJson::roundTripKeepsUnknownFieldsAtEveryLevel() {
    QJsonObject source = QJsonDocument::fromJson(contractExample()).object();
    source.insert(QStringLiteral("x-top"), 1);
    QJsonObject content = source.value(u"content").toObject();
    content.insert(QStringLiteral("x-content"), QStringLiteral("kept"));
    QJsonArray media = content.value(u"media").toArray();
    QJsonObject item = media.at(0).toObject();
    item.insert(QStringLiteral("x-media"), QJsonObject{{QStringLiteral("nested"), true}});
    media.replace(0, item);
    content.insert(QStringLiteral("media"), media);
    QJsonObject overrides = content.value(u"platformOverrides").toObject();
    overrides.insert(QStringLiteral("instagram"),
                     QJsonObject{{QStringLiteral("caption"), QStringLiteral("hi")}});
    content.insert(QStringLiteral("platformOverrides"), overrides);
    source.insert(QStringLiteral("content"), content);

    auto parsed = parsePostJson(source);
    QVERIFY(parsed.has_value());
    parsed->post.text = QStringLiteral("Edited caption");
    const QJsonObject written = postToJson(parsed->post);

    QCOMPARE(written.value(u"x-top").toInt(), 1);
    const QJsonObject writtenContent = written.value(u"content").toObject();
    QCOMPARE(writtenContent.value(u"text").toString(), QStringLiteral("Edited caption"));
    QCOMPARE(writtenContent.value(u"x-content").toString(), QStringLiteral("kept"));
    QCOMPARE(writtenContent.value(u"media")
                 .toArray()
                 .at(0)
                 .toObject()
                 .value(u"x-media")
                 .toObject()
                 .value(u"nested"),
             QJsonValue(true));
    QCOMPARE(writtenContent.value(u"platformOverrides")
                 .toObject()
                 .value(u"instagram")
                 .toObject()
                 .value(u"caption"),
             QJsonValue(QStringLiteral("hi")));
    // A second pass changes nothing: the writer is stable.
    const auto reparsed = parsePostJson(written);
    QVERIFY(reparsed.has_value());
    QCOMPARE(postToJson(reparsed->post), written);
}

void TestPostJson::unknownFieldsAreWarnings() {
    QJsonObject source = QJsonDocument::fromJson(contractExample()).object();
    source.insert(QStringLiteral("colour"), QStringLiteral("blue"));
    const auto parsed = parsePostJson(source);
    QVERIFY(parsed.has_value());
    QCOMPARE(parsed->warnings.size(), 1);
    QCOMPARE(parsed->warnings.first().code, FindingCode::PostUnknownField);
    QCOMPARE(parsed->warnings.first().severity, Severity::Warning);
    QCOMPARE(parsed->warnings.first().field, QStringLiteral("/colour"));
}

void TestPostJson::malformedJsonNamesLineAndColumn() {
    const QByteArray broken = "{\n  \"content\": {\n    \"text\": \"hi\",,\n  }\n}";
    const auto parsed = parsePostJson(broken);
    QVERIFY(!parsed.has_value());
    QCOMPARE(parsed.error().code, ErrorCode::JsonMalformed);
    QVERIFY2(parsed.error().message.contains(u"line 3, column"), qPrintable(parsed.error().message));
}

void TestPostJson::wrongTypesNameTheField_data() {
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("pointer");
    QTest::newRow("width is text") << QByteArray(R"({"content":{"media":[{"url":"a.mp4","width":"wide"}]}})")
                                   << "/content/media/0/width";
    QTest::newRow("media is not a list")
        << QByteArray(R"({"content":{"media":{"url":"a.mp4"}}})") << "/content/media";
    QTest::newRow("media without url")
        << QByteArray(R"({"content":{"media":[{"type":"video"}]}})") << "/content/media/0/url";
    QTest::newRow("unknown media type")
        << QByteArray(R"({"content":{"media":[{"url":"a","type":"gif"}]}})") << "/content/media/0/type";
    QTest::newRow("toggle as string")
        << QByteArray(R"({"content":{"platformOverrides":{"tiktok":{"settings":{"isAigc":"yes"}}}}})")
        << "/content/platformOverrides/tiktok/settings/isAigc";
    QTest::newRow("accounts of numbers") << QByteArray(R"({"content":{},"accounts":[1]})") << "/accounts/0";
    QTest::newRow("fractional size") << QByteArray(R"({"content":{"media":[{"url":"a","sizeBytes":1.5}]}})")
                                     << "/content/media/0/sizeBytes";
}

void TestPostJson::wrongTypesNameTheField() {
    QFETCH(QByteArray, json);
    QFETCH(QString, pointer);
    const auto parsed = parsePostJson(json);
    QVERIFY(!parsed.has_value());
    QCOMPARE(parsed.error().code, ErrorCode::JsonInvalid);
    QVERIFY2(parsed.error().message.startsWith(pointer + u' '), qPrintable(parsed.error().message));
}

void TestPostJson::interactionsDefaultToDisabled() {
    const auto parsed = parsePostJson(QByteArray(R"({"content":{"media":[{"url":"a.mp4"}]}})"));
    QVERIFY(parsed.has_value());
    const TikTokSettings &settings = parsed->post.tiktok;
    QVERIFY(settings.privacyLevel.isEmpty()); // no default privacy
    QVERIFY(settings.disableComment);
    QVERIFY(settings.disableDuet);
    QVERIFY(settings.disableStitch);
    QVERIFY(!settings.discloseCommercialContent);
    QVERIFY(!parsed->post.scheduledFor.has_value());
}

void TestPostJson::scheduledForNeedsAnOffset() {
    QVERIFY(parsePostJson(QByteArray(R"({"content":{},"scheduledFor":"2026-12-01T18:30:00Z"})")).has_value());
    const auto local = parsePostJson(QByteArray(R"({"content":{},"scheduledFor":"2026-12-01T18:30:00"})"));
    QVERIFY(!local.has_value());
    QVERIFY(local.error().message.startsWith(u"/scheduledFor"));
    QVERIFY(!parsePostJson(QByteArray(R"({"content":{},"scheduledFor":"next tuesday"})")).has_value());
}

void TestPostJson::writesNullScheduleAsNull() {
    const auto parsed = parsePostJson(QByteArray(R"({"content":{"text":"x"},"scheduledFor":null})"));
    QVERIFY(parsed.has_value());
    const QJsonObject written = postToJson(parsed->post);
    QVERIFY(written.value(u"scheduledFor").isNull());
    QVERIFY(written.value(u"platformSetId").isNull());
    QCOMPARE(written.value(u"platforms").toArray().at(0).toString(), QStringLiteral("tiktok"));
}

namespace {
// The contract example with one field of its first media item (or, with an empty `mediaKey`, of
// its TikTok settings) replaced.
QJsonObject exampleWith(const QString &mediaKey, const QString &settingsKey, const QJsonValue &value) {
    QJsonObject source = QJsonDocument::fromJson(contractExample()).object();
    QJsonObject content = source.value(u"content").toObject();
    if (!mediaKey.isEmpty()) {
        QJsonArray media = content.value(u"media").toArray();
        QJsonObject item = media.at(0).toObject();
        item.insert(mediaKey, value);
        media.replace(0, item);
        content.insert(QStringLiteral("media"), media);
    } else {
        QJsonObject overrides = content.value(u"platformOverrides").toObject();
        QJsonObject tiktok = overrides.value(u"tiktok").toObject();
        QJsonObject settings = tiktok.value(u"settings").toObject();
        settings.insert(settingsKey, value);
        tiktok.insert(QStringLiteral("settings"), settings);
        overrides.insert(QStringLiteral("tiktok"), tiktok);
        content.insert(QStringLiteral("platformOverrides"), overrides);
    }
    source.insert(QStringLiteral("content"), content);
    return source;
}
} // namespace

void TestPostJson::absurdNumbersAreRefused_data() {
    QTest::addColumn<QString>("mediaKey");
    QTest::addColumn<QString>("settingsKey");
    QTest::addColumn<double>("value");
    QTest::newRow("width 3e9") << "width" << QString() << 3e9;
    QTest::newRow("height 1e300") << "height" << QString() << 1e300;
    QTest::newRow("rotation 4294967296") << "rotation" << QString() << 4294967296.0;
    QTest::newRow("sizeBytes 1e300") << "sizeBytes" << QString() << 1e300;
    QTest::newRow("durationSeconds 1e300") << "durationSeconds" << QString() << 1e300;
    QTest::newRow("frameRate 1e300") << "frameRate" << QString() << 1e300;
    QTest::newRow("videoCoverTimestampMs 1e300") << QString() << "videoCoverTimestampMs" << 1e300;
}

// A number that does not fit what it describes is refused naming its field, never converted into
// another number.
void TestPostJson::absurdNumbersAreRefused() {
    QFETCH(QString, mediaKey);
    QFETCH(QString, settingsKey);
    QFETCH(double, value);
    const auto parsed = parsePostJson(exampleWith(mediaKey, settingsKey, value));
    QVERIFY2(!parsed.has_value(),
             parsed ? qPrintable(QString::number(parsed->post.media.at(0).width.value_or(0))) : "");
    QCOMPARE(parsed.error().code, ErrorCode::JsonInvalid);
    QVERIFY2(parsed.error().message.contains(mediaKey.isEmpty() ? settingsKey : mediaKey),
             qPrintable(parsed.error().message));
}

void TestPostJson::absurdCreatorMaximumIsRefused() {
    for (const double value : {1e308, -5.0, 3e9}) {
        const auto info = CreatorInfo::fromJson(
            QJsonObject{{QStringLiteral("privacy_level_options"), QJsonArray{QStringLiteral("SELF_ONLY")}},
                        {QStringLiteral("max_video_post_duration_sec"), value}});
        QVERIFY2(!info.has_value(), qPrintable(QString::number(info->maxVideoPostDurationSec.value_or(-1))));
        QCOMPARE(info.error().code, ErrorCode::JsonInvalid);
        QVERIFY(info.error().message.contains(u"max_video_post_duration_sec"));
    }
    const auto fine =
        CreatorInfo::fromJson(QJsonObject{{QStringLiteral("max_video_post_duration_sec"), 600}});
    QVERIFY(fine.has_value());
    QCOMPARE(fine->maxVideoPostDurationSec, 600);
}

void TestPostJson::inputFarBeyondTikTokLimitsIsRefused_data() {
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("says");
    QJsonObject caption = QJsonDocument::fromJson(contractExample()).object();
    QJsonObject content = caption.value(u"content").toObject();
    content.insert(QStringLiteral("text"), QString(3'000'000, u'a'));
    caption.insert(QStringLiteral("content"), content);
    QTest::newRow("3 MB caption") << QJsonDocument(caption).toJson() << "/content/text";
    QJsonObject title = exampleWith(QString(), QStringLiteral("title"), QString(100'000, u't'));
    QTest::newRow("100 000 character title") << QJsonDocument(title).toJson() << "title";
    QJsonObject many = QJsonDocument::fromJson(contractExample()).object();
    content = many.value(u"content").toObject();
    QJsonArray media;
    for (int i = 0; i < 5000; ++i) {
        media.append(QJsonObject{{QStringLiteral("url"), QStringLiteral("photo.jpg")}});
    }
    content.insert(QStringLiteral("media"), media);
    many.insert(QStringLiteral("content"), content);
    QTest::newRow("5000 media items") << QJsonDocument(many).toJson() << "/content/media";
    QTest::newRow("50 MB document") << QByteArray(50'000'000, ' ') + "{}"
                                    << "MB";
}

// Far beyond what TikTok takes is refused by the reader, before anything is stored; slightly
// beyond stays a validation finding the user can fix.
void TestPostJson::inputFarBeyondTikTokLimitsIsRefused() {
    QFETCH(QByteArray, json);
    QFETCH(QString, says);
    const auto parsed = parsePostJson(json);
    QVERIFY(!parsed.has_value());
    QCOMPARE(parsed.error().code, ErrorCode::JsonInvalid);
    QVERIFY2(parsed.error().message.contains(says), qPrintable(parsed.error().message));
    QJsonObject slightly = QJsonDocument::fromJson(contractExample()).object();
    QJsonObject content = slightly.value(u"content").toObject();
    content.insert(QStringLiteral("text"), QString(2300, u'a'));
    slightly.insert(QStringLiteral("content"), content);
    QVERIFY(parsePostJson(slightly).has_value());
}

QTEST_GUILESS_MAIN(TestPostJson)
void TestPostJson::creatorInfoRoundTripsThroughItsJson() {
    // What the accounts table caches must read back as the same creator.
    const auto envelope = QJsonDocument::fromJson(R"({"data": {"creator_username": "ana.makes",
        "creator_nickname": "Ana", "privacy_level_options": ["FOLLOWER_OF_CREATOR", "SELF_ONLY"],
        "comment_disabled": true, "duet_disabled": false, "stitch_disabled": true,
        "max_video_post_duration_sec": 300}, "error": {"code": "spam_risk_too_many_posts"}})");
    const auto info = CreatorInfo::fromJson(envelope.object());
    QVERIFY(info.has_value());
    const auto again = CreatorInfo::fromJson(info->toJson());
    QVERIFY(again.has_value());
    QCOMPARE(again->username, QStringLiteral("ana.makes"));
    QCOMPARE(again->nickname, QStringLiteral("Ana"));
    QCOMPARE(again->privacyLevelOptions, info->privacyLevelOptions);
    QCOMPARE(again->commentDisabled, true);
    QCOMPARE(again->duetDisabled, false);
    QCOMPARE(again->stitchDisabled, true);
    QCOMPARE(again->maxVideoPostDurationSec, 300);
    QCOMPARE(again->cannotPostCode, QStringLiteral("spam_risk_too_many_posts"));
    // A creator who can post caches the plain `data` object.
    CreatorInfo allowed = *info;
    allowed.cannotPostCode.clear();
    QVERIFY(!allowed.toJson().contains(u"error"));
    QVERIFY(CreatorInfo::fromJson(allowed.toJson())->cannotPostCode.isEmpty());
}

#include "tst_postjson.moc"
