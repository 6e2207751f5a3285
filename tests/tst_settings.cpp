// The one settings layer (QSettings with environment variables that win, secrets in the keychain or
// the 0600 file store) and the settings dialog over it: saved and read back with the secrets kept out
// of the settings file, environment variables shown as in force, the team's shared settings through
// the Backend, "Test connection", and a screenshot.
#include "TestFixtures.h"
#include "accounts/SecretStore.h"
#include "session/Backend.h"
#include "session/Session.h"
#include "settings/SettingsDialog.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTemporaryDir>
#include <QTest>

using namespace cq;
using namespace cq::test;

class TestSettings : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void theEnvironmentWinsAndSaysSo();
    void secretsAreNeverWrittenToTheSettingsFile();
    void dialogSavesAndReadsBack();
    void dialogShowsEnvironmentVariablesInForce();
    void dialogRefusesWhatCannotWork();

private:
    void startBackend();
    QLineEdit *line(ui::SettingsDialog &dialog, Setting setting) const;
    QByteArray settingsFile() const;
    bool save(ui::SettingsDialog &dialog);

    QTemporaryDir m_config;
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Backend> m_backend;
};

void TestSettings::initTestCase() {
    // This test's own settings file, whatever the machine has.
    QCoreApplication::setOrganizationName(QStringLiteral("ClipQueue"));
    QCoreApplication::setApplicationName(QStringLiteral("ClipQueue"));
    QSettings::setDefaultFormat(QSettings::IniFormat);
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, m_config.path());
}

void TestSettings::init() {
    QSettings().clear();
    m_dir = std::make_unique<QTemporaryDir>();
    qputenv("CLIPQUEUE_DATA_DIR", m_dir->path().toUtf8());
    qputenv("CLIPQUEUE_TOKEN_STORE", "file");
    for (const char *variable :
         {"CLIPQUEUE_TIKTOK_CLIENT_KEY", "CLIPQUEUE_TIKTOK_CLIENT_SECRET", "CLIPQUEUE_PHOTO_PUBLIC_URL",
          "CLIPQUEUE_PHOTO_UPLOAD_URL", "CLIPQUEUE_PUBLISH", "CLIPQUEUE_TIKTOK_APP_AUDITED",
          "CLIPQUEUE_PHOTO_S3_ACCESS_KEY", "CLIPQUEUE_PHOTO_S3_SECRET_KEY", "CLIPQUEUE_PHOTO_S3_REGION",
          "CLIPQUEUE_PHOTO_S3_BUCKET"}) {
        qunsetenv(variable);
    }
}

void TestSettings::cleanup() {
    m_backend.reset();
    m_dir.reset();
}

void TestSettings::startBackend() {
    m_backend = std::make_unique<Backend>();
    QSignalSpy ready(m_backend.get(), &Backend::ready);
    m_backend->start(
        {.publish = false, .pollInterval = std::chrono::milliseconds(100), .publisherFactory = {}});
    QVERIFY(ready.wait(20000));
}

QLineEdit *TestSettings::line(ui::SettingsDialog &dialog, Setting setting) const {
    return qobject_cast<QLineEdit *>(dialog.editor(setting));
}

QByteArray TestSettings::settingsFile() const {
    QSettings().sync();
    QFile file(QSettings().fileName());
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

bool TestSettings::save(ui::SettingsDialog &dialog) {
    QSignalSpy finished(&dialog, &QDialog::finished);
    dialog.findChild<QDialogButtonBox *>(QStringLiteral("settingsButtons"))
        ->button(QDialogButtonBox::Save)
        ->click();
    return finished.count() == 1 || finished.wait(10000);
}

void TestSettings::theEnvironmentWinsAndSaysSo() {
    Settings settings;
    settings.setValue(Setting::TikTokClientKey, QStringLiteral("stored-key"));
    QCOMPARE(settings.value(Setting::TikTokClientKey), QStringLiteral("stored-key"));
    QCOMPARE(settings.source(Setting::TikTokClientKey), SettingSource::Stored);
    QCOMPARE(settings.source(Setting::PhotoPublicUrl), SettingSource::Default);
    QVERIFY(settings.flag(Setting::PublishFromThisComputer)); // on unless said otherwise
    qputenv("CLIPQUEUE_TIKTOK_CLIENT_KEY", "env-key");
    QCOMPARE(settings.value(Setting::TikTokClientKey), QStringLiteral("env-key"));
    QCOMPARE(settings.source(Setting::TikTokClientKey), SettingSource::Environment);
    QVERIFY(Settings::inEnvironment().contains(Setting::TikTokClientKey));
    QVERIFY(Settings::configuredByEnvironment());
    // The stored value is still there for when the variable goes.
    qunsetenv("CLIPQUEUE_TIKTOK_CLIENT_KEY");
    QCOMPARE(settings.value(Setting::TikTokClientKey), QStringLiteral("stored-key"));
    // An empty variable does not count (tests and scripts blank variables that way).
    qputenv("CLIPQUEUE_TIKTOK_CLIENT_KEY", "");
    QCOMPARE(settings.source(Setting::TikTokClientKey), SettingSource::Stored);
    qputenv("CLIPQUEUE_PUBLISH", "0");
    QVERIFY(!settings.flag(Setting::PublishFromThisComputer));
}

void TestSettings::secretsAreNeverWrittenToTheSettingsFile() {
    QVERIFY(Settings::isSecret(Setting::TikTokClientSecret));
    QVERIFY(Settings::isSecret(Setting::PhotoUploadToken));
    SecretStore secrets(AppConfig::secretsDirectoryIn(m_dir->path()));
    std::optional<std::expected<void, Error>> written;
    secrets.write(Setting::TikTokClientSecret, QStringLiteral("cs-file"),
                  [&](auto result) { written = result; });
    QVERIFY(!written.has_value()); // never inside the call: the GUI thread does not wait
    QTRY_VERIFY(written.has_value());
    QVERIFY(written->has_value());
    const QString path =
        QDir(AppConfig::secretsDirectoryIn(m_dir->path())).filePath(QStringLiteral("tiktokClientSecret"));
    QCOMPARE(QFile::permissions(path) & (QFileDevice::ReadGroup | QFileDevice::ReadOther),
             QFileDevice::Permissions());
    QCOMPARE(secrets.readNow(Setting::TikTokClientSecret).value_or(QString()), QStringLiteral("cs-file"));
    QCOMPARE(secrets.readNow(Setting::PhotoUploadToken).value_or(QStringLiteral("?")),
             QString()); // unset: empty
    // A session (the CLI's and the Backend's) reads the secret with the stored key.
    Settings().setValue(Setting::TikTokClientKey, QStringLiteral("ck-stored"));
    auto session = Session::open();
    QVERIFY(session.has_value());
    auto tiktok = (*session)->tiktok();
    QVERIFY(tiktok.has_value());
    QCOMPARE((*tiktok)->config.clientKey, QStringLiteral("ck-stored"));
    QCOMPARE((*tiktok)->config.clientSecret, QStringLiteral("cs-file"));
    QVERIFY((*tiktok)->config.checkCredentials().has_value());
    QVERIFY(!settingsFile().contains("cs-file"));
}

void TestSettings::dialogSavesAndReadsBack() {
    startBackend();
    {
        ui::SettingsDialog dialog(*m_backend);
        dialog.show();
        QTRY_VERIFY(dialog.secretsLoaded());
        line(dialog, Setting::TikTokClientKey)->setText(QStringLiteral("ck-dialog"));
        line(dialog, Setting::TikTokClientSecret)->setText(QStringLiteral("cs-very-secret"));
        line(dialog, Setting::PhotoUploadUrl)->setText(QStringLiteral("https://photos.example.com/upload/"));
        line(dialog, Setting::PhotoPublicUrl)->setText(QStringLiteral("https://photos.example.com/p/"));
        line(dialog, Setting::PhotoUploadToken)->setText(QStringLiteral("upload-token-secret"));
        line(dialog, Setting::PhotoS3AccessKey)->setText(QStringLiteral("AKIDEXAMPLE"));
        line(dialog, Setting::PhotoS3SecretKey)->setText(QStringLiteral("s3-secret-key-value"));
        line(dialog, Setting::PhotoS3Region)->setText(QStringLiteral("eu-central-1"));
        line(dialog, Setting::PhotoS3Bucket)->setText(QStringLiteral("clips"));
        QVERIFY(!m_backend->workspace().tiktokAppAudited);
        auto *audited = dialog.findChild<QCheckBox *>(QStringLiteral("appAuditedCheck"));
        QVERIFY(audited && !audited->text().isEmpty());
        audited->setChecked(true);
        qobject_cast<QCheckBox *>(dialog.editor(Setting::StartMinimised))->setChecked(true);
        dialog.findChild<QSpinBox *>(QStringLiteral("graceMinutesSpin"))->setValue(25);
        QSignalSpy saved(&dialog, &ui::SettingsDialog::saved);
        QVERIFY(save(dialog));
        QCOMPARE(dialog.result(), int(QDialog::Accepted));
        QCOMPARE(saved.count(), 1);
        const auto changes = saved.first().first().value<ui::SettingsDialog::Changes>();
        QVERIFY(changes.tiktok);
        QVERIFY(!changes.restart);
    }
    const QByteArray file = settingsFile();
    QVERIFY(file.contains("ck-dialog"));
    QVERIFY(file.contains("photos.example.com"));
    QVERIFY(file.contains("AKIDEXAMPLE") && file.contains("eu-central-1"));
    QVERIFY2(!file.contains("cs-very-secret") && !file.contains("upload-token-secret")
                 && !file.contains("s3-secret-key-value"),
             file.constData());
    // The window reloads the TikTok services on such a change (MainWindow); the audited app then
    // reaches the composer through the workspace.
    m_backend->reloadTikTokSettings();
    QTRY_VERIFY_WITH_TIMEOUT(m_backend->workspace().tiktokAppAudited, 10000);
    QVERIFY(Settings().flag(Setting::StartMinimised));
    QTRY_COMPARE_WITH_TIMEOUT(m_backend->workspace().graceMinutes, 25, 10000);

    // Read back by a new dialog, the secrets from their store.
    ui::SettingsDialog again(*m_backend);
    again.show();
    QTRY_VERIFY(again.secretsLoaded());
    QCOMPARE(line(again, Setting::TikTokClientKey)->text(), QStringLiteral("ck-dialog"));
    QCOMPARE(line(again, Setting::TikTokClientSecret)->text(), QStringLiteral("cs-very-secret"));
    QCOMPARE(line(again, Setting::PhotoUploadToken)->text(), QStringLiteral("upload-token-secret"));
    QCOMPARE(line(again, Setting::PhotoS3SecretKey)->text(), QStringLiteral("s3-secret-key-value"));
    QCOMPARE(line(again, Setting::PhotoS3Bucket)->text(), QStringLiteral("clips"));
    QVERIFY(again.findChild<QCheckBox *>(QStringLiteral("appAuditedCheck"))->isChecked());
    QCOMPARE(again.findChild<QSpinBox *>(QStringLiteral("graceMinutesSpin"))->value(), 25);
    QVERIFY(
        !again.findChild<QLabel *>(QStringLiteral("environmentSummary"))->isVisibleTo(&again)
        || !again.findChild<QLabel *>(QStringLiteral("environmentSummary"))->text().contains(u"CLIENT_KEY"));
    const int lineHeight = again.fontMetrics().height();
    again.resize(lineHeight * 70, lineHeight * 44);
    QTest::qWait(100);
    QVERIFY(again.grab().save(screenshotPath(QStringLiteral("settings-dialog"))));
}

void TestSettings::dialogShowsEnvironmentVariablesInForce() {
    Settings().setValue(Setting::TikTokClientKey, QStringLiteral("ck-stored"));
    qputenv("CLIPQUEUE_TIKTOK_CLIENT_KEY", "ck-from-environment");
    qputenv("CLIPQUEUE_TIKTOK_CLIENT_SECRET", "cs-from-environment");
    startBackend();
    ui::SettingsDialog dialog(*m_backend);
    dialog.show();
    QTRY_VERIFY(dialog.secretsLoaded());
    QLineEdit *key = line(dialog, Setting::TikTokClientKey);
    QCOMPARE(key->text(), QStringLiteral("ck-from-environment"));
    QVERIFY(!key->isEnabled());
    QVERIFY(!line(dialog, Setting::TikTokClientSecret)->isEnabled());
    QVERIFY(line(dialog, Setting::TikTokClientSecret)->text().isEmpty()); // a secret is never shown
    QVERIFY(dialog.findChild<QLabel *>(QStringLiteral("environmentNote-CLIPQUEUE_TIKTOK_CLIENT_KEY")));
    QVERIFY(dialog.findChild<QLabel *>(QStringLiteral("environmentNote-CLIPQUEUE_TIKTOK_CLIENT_SECRET")));
    QVERIFY(dialog.findChild<QLabel *>(QStringLiteral("environmentNote-CLIPQUEUE_DATA_DIR")));
    QVERIFY(!dialog.findChild<QLabel *>(QStringLiteral("environmentNote-CLIPQUEUE_PHOTO_PUBLIC_URL")));
    auto *summary = dialog.findChild<QLabel *>(QStringLiteral("environmentSummary"));
    QVERIFY(summary->isVisible());
    QVERIFY(summary->text().contains(u"CLIPQUEUE_TIKTOK_CLIENT_KEY"));
    QVERIFY(summary->text().contains(u"CLIPQUEUE_DATA_DIR"));
    QVERIFY(save(dialog));
    // Saving leaves the stored value alone: the environment's is not copied into the file.
    QCOMPARE(QSettings().value(QStringLiteral("tiktok/clientKey")).toString(), QStringLiteral("ck-stored"));
    QVERIFY(dialog.grab().save(screenshotPath(QStringLiteral("settings-dialog-environment"))));
}

void TestSettings::dialogRefusesWhatCannotWork() {
    startBackend();
    ui::SettingsDialog dialog(*m_backend);
    dialog.show();
    QTRY_VERIFY(dialog.secretsLoaded());
    line(dialog, Setting::PhotoUploadUrl)->setText(QStringLiteral("http://photos.example.com/upload/"));
    dialog.findChild<QDialogButtonBox *>(QStringLiteral("settingsButtons"))
        ->button(QDialogButtonBox::Save)
        ->click();
    auto *error = dialog.findChild<QLabel *>(QStringLiteral("settingsError"));
    QVERIFY(error->isVisible());
    QVERIFY(error->text().contains(u"https"));
    QVERIFY(dialog.isVisible());
    QVERIFY(!settingsFile().contains("photos.example.com"));
    // "Test connection" says why a database does not answer.
    line(dialog, Setting::DatabaseUrl)->setText(QStringLiteral("postgresql://nobody@127.0.0.1:1/none"));
    dialog.findChild<QPushButton *>(QStringLiteral("testDatabaseButton"))->click();
    auto *result = dialog.findChild<QLabel *>(QStringLiteral("testDatabaseResult"));
    QTRY_VERIFY_WITH_TIMEOUT(result->text().startsWith(u"Failed"), 20000);
}

QTEST_MAIN(TestSettings)
#include "tst_settings.moc"
