#include "settings/SettingsDialog.h"

#include "accounts/SecretStore.h"
#include "publish/WorkspaceSettings.h"
#include "session/AppConfig.h"
#include "session/Backend.h"
#include "storage/DatabaseConfig.h"
#include "tiktok/ApiConfig.h"
#include "tiktok/OAuthClient.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QScrollArea>
#include <QSpinBox>
#include <QTimeZone>
#include <QVBoxLayout>

namespace cq::ui {

namespace {
const QList<Setting> secretSettings{Setting::TikTokClientSecret, Setting::PhotoUploadToken,
                                    Setting::PhotoS3SecretKey};
const QList<Setting> tiktokSettings{Setting::TikTokClientKey,  Setting::TikTokClientSecret,
                                    Setting::TikTokAppAudited, Setting::PhotoUploadUrl,
                                    Setting::PhotoPublicUrl,   Setting::PhotoUploadToken,
                                    Setting::PhotoS3AccessKey, Setting::PhotoS3SecretKey,
                                    Setting::PhotoS3Region,    Setting::PhotoS3Bucket};
const QList<Setting> restartSettings{Setting::DataDirectory, Setting::DatabaseUrl, Setting::ProfileName};

QLabel *hint(const QString &text) {
    auto *label = new QLabel(text);
    label->setWordWrap(true);
    label->setTextFormat(Qt::RichText);
    label->setOpenExternalLinks(true);
    label->setTextInteractionFlags(Qt::TextBrowserInteraction);
    return label;
}
} // namespace

SettingsDialog::SettingsDialog(Backend &backend, QWidget *parent)
    : QDialog(parent)
    , m_backend(backend)
    , m_secrets(new SecretStore(AppConfig::secretsDirectoryIn(AppConfig::dataDirectoryOf(m_settings)), this))
    , m_environment(new QLabel)
    , m_error(new QLabel)
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel)) {
    setObjectName(QStringLiteral("settingsDialog"));
    setWindowTitle(tr("ClipQueue settings"));
    m_environment->setObjectName(QStringLiteral("environmentSummary"));
    m_environment->setWordWrap(true);
    QStringList variables;
    for (Setting setting : Settings::inEnvironment()) {
        variables << Settings::environmentVariable(setting);
    }
    m_environment->setText(tr("Environment variables set these settings, and they win over what is saved "
                              "here: %1.")
                               .arg(variables.join(QStringLiteral(", "))));
    m_environment->setVisible(!variables.isEmpty());
    m_error->setObjectName(QStringLiteral("settingsError"));
    m_error->setWordWrap(true);
    m_error->hide();
    m_buttons->setObjectName(QStringLiteral("settingsButtons"));
    connect(m_buttons, &QDialogButtonBox::accepted, this, &SettingsDialog::save);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *content = new QWidget;
    auto *columns = new QHBoxLayout(content);
    auto *left = new QVBoxLayout;
    left->addWidget(buildComputerGroup());
    left->addWidget(buildWorkspaceGroup());
    left->addStretch();
    auto *right = new QVBoxLayout;
    right->addWidget(buildTikTokGroup());
    right->addWidget(buildPhotoGroup());
    right->addStretch();
    columns->addLayout(left, 1);
    columns->addLayout(right, 1);
    auto *scroll = new QScrollArea;
    scroll->setAccessibleName(tr("Settings"));
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setWidget(content);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_environment);
    layout->addWidget(scroll, 1);
    layout->addWidget(m_error);
    layout->addWidget(m_buttons);
    const int line = fontMetrics().height();
    resize(line * 64, line * 36);
    loadSecrets();
}

QLineEdit *SettingsDialog::addLine(QFormLayout *form, Setting setting, const QString &label,
                                   const QString &placeholder) {
    auto *edit = new QLineEdit;
    edit->setObjectName(u"setting-" + Settings::environmentVariable(setting).toLower());
    edit->setPlaceholderText(placeholder);
    edit->setClearButtonEnabled(true);
    if (Settings::isSecret(setting)) {
        edit->setEchoMode(QLineEdit::PasswordEchoOnEdit);
    } else {
        edit->setText(m_settings.value(setting));
    }
    auto *caption = new QLabel(label);
    caption->setBuddy(edit);
    form->addRow(caption, edit);
    m_editors.insert(setting, edit);
    markEnvironment(edit, setting, form);
    return edit;
}

QCheckBox *SettingsDialog::addCheck(QFormLayout *form, Setting setting, const QString &text,
                                    const QString &objectName) {
    auto *check = new QCheckBox(text);
    check->setObjectName(objectName);
    check->setChecked(m_settings.flag(setting));
    form->addRow(check);
    m_editors.insert(setting, check);
    markEnvironment(check, setting, form);
    return check;
}

void SettingsDialog::markEnvironment(QWidget *editor, Setting setting, QFormLayout *form) {
    if (!m_settings.fromEnvironment(setting)) {
        return;
    }
    const QString variable = Settings::environmentVariable(setting);
    editor->setEnabled(false);
    editor->setToolTip(tr("Set by the environment variable %1, which wins over this setting.").arg(variable));
    if (auto *edit = qobject_cast<QLineEdit *>(editor); edit && Settings::isSecret(setting)) {
        edit->setPlaceholderText(tr("(from the environment)"));
    }
    auto *note = new QLabel(tr("set by %1").arg(variable));
    note->setObjectName(u"environmentNote-" + variable);
    note->setForegroundRole(QPalette::PlaceholderText);
    form->addRow(QString(), note);
}

QWidget *SettingsDialog::buildComputerGroup() {
    auto *group = new QGroupBox(tr("This computer"));
    auto *form = new QFormLayout(group);
    QLineEdit *folder =
        addLine(form, Setting::DataDirectory, tr("&Data folder:"), AppConfig::defaultDataDirectory());
    auto *browse = new QPushButton(tr("Bro&wse…"));
    browse->setObjectName(QStringLiteral("browseDataFolderButton"));
    browse->setEnabled(folder->isEnabled());
    connect(browse, &QPushButton::clicked, this, [this, folder] {
        const QString chosen = QFileDialog::getExistingDirectory(this, tr("Data folder"), folder->text());
        if (!chosen.isEmpty()) {
            folder->setText(chosen);
        }
    });
    form->addRow(QString(), browse);
    addLine(form, Setting::DatabaseUrl, tr("Team database UR&L:"), tr("empty: this computer's own database"));
    m_test = new QPushButton(tr("&Test connection"));
    m_test->setObjectName(QStringLiteral("testDatabaseButton"));
    connect(m_test, &QPushButton::clicked, this, &SettingsDialog::testDatabase);
    m_testResult = new QLabel;
    m_testResult->setObjectName(QStringLiteral("testDatabaseResult"));
    m_testResult->setWordWrap(true);
    auto *testRow = new QHBoxLayout;
    testRow->addWidget(m_test);
    testRow->addWidget(m_testResult, 1);
    form->addRow(QString(), testRow);
    form->addRow(hint(tr("A team shares one PostgreSQL database: "
                         "<tt>postgresql://user:password@host:5432/clipqueue</tt>. The data folder and "
                         "the database are used from the next start.")));
    addLine(form, Setting::ProfileName, tr("Your &name in history:"), tr("your user name"));
    addCheck(form, Setting::PublishFromThisComputer, tr("&Publish due posts from this computer"),
             QStringLiteral("publishCheck"));
    addCheck(form, Setting::StartMinimised, tr("Start &minimised to the tray"),
             QStringLiteral("startMinimisedCheck"));
    return group;
}

QWidget *SettingsDialog::buildTikTokGroup() {
    auto *group = new QGroupBox(tr("Your TikTok developer app"));
    auto *form = new QFormLayout(group);
    form->addRow(hint(tr("ClipQueue posts through your own app from the "
                         "<a href=\"https://developers.tiktok.com/apps\">TikTok developer portal</a>: add "
                         "Login Kit (desktop) with the redirect URI <tt>http://127.0.0.1:*/callback/</tt> "
                         "and the Content Posting API with the scopes <tt>%1</tt>, then copy its client key "
                         "and secret here. The secret is kept in your keychain, not in the settings file.")
                          .arg(tiktok::OAuthClient::defaultScopes().join(QStringLiteral(", ")))));
    addLine(form, Setting::TikTokClientKey, tr("Client &key:"));
    addLine(form, Setting::TikTokClientSecret, tr("Client &secret:"));
    addCheck(form, Setting::TikTokAppAudited, tr("TikTok has aud&ited this app"),
             QStringLiteral("appAuditedCheck"));
    form->addRow(
        hint(tr("Until TikTok audits an app, everything it posts is private (\"Only me\") and at most "
                "5 posts may wait in a creator's inbox. Tick this once TikTok has approved yours; "
                "until then ClipQueue suggests sending posts to the TikTok app to finish.")));
    return group;
}

QWidget *SettingsDialog::buildPhotoGroup() {
    auto *group = new QGroupBox(tr("Photo hosting"));
    auto *form = new QFormLayout(group);
    form->addRow(hint(tr("TikTok pulls photos from a web address you verified in the developer portal. "
                         "ClipQueue uploads each photo there (HTTP PUT) first.")));
    addLine(form, Setting::PhotoUploadUrl, tr("&Upload URL:"), QStringLiteral("https://"));
    addLine(form, Setting::PhotoPublicUrl, tr("Publi&c URL:"), QStringLiteral("https://"));
    addLine(form, Setting::PhotoUploadToken, tr("Upload t&oken:"), tr("optional"));
    form->addRow(
        hint(tr("For an S3-compatible bucket (AWS S3, Cloudflare R2, Backblaze B2, MinIO), ClipQueue "
                "signs the uploads with these keys; leave them empty for WebDAV or a plain PUT.")));
    addLine(form, Setting::PhotoS3AccessKey, tr("S3 access ke&y:"));
    addLine(form, Setting::PhotoS3SecretKey, tr("S3 s&ecret key:"));
    addLine(form, Setting::PhotoS3Region, tr("S3 &region:"), QStringLiteral("us-east-1"));
    addLine(form, Setting::PhotoS3Bucket, tr("S3 &bucket:"),
            tr("optional: empty when the upload URL names it"));
    return group;
}

QWidget *SettingsDialog::buildWorkspaceGroup() {
    auto *group = new QGroupBox(tr("Team workspace (shared through the database)"));
    group->setObjectName(QStringLiteral("workspaceGroup"));
    auto *form = new QFormLayout(group);
    const WorkspaceInfo &workspace = m_backend.workspace();
    m_approval = new QCheckBox(tr("&Approval required before posts are scheduled"));
    m_approval->setObjectName(QStringLiteral("approvalRequiredCheck"));
    m_approval->setChecked(workspace.approvalRequired);
    form->addRow(m_approval);
    m_timeZone = new QComboBox;
    m_timeZone->setObjectName(QStringLiteral("defaultTimeZoneCombo"));
    for (const QByteArray &id : QTimeZone::availableTimeZoneIds()) {
        m_timeZone->addItem(QString::fromUtf8(id));
    }
    if (m_timeZone->findText(workspace.defaultTimeZone) < 0) {
        m_timeZone->insertItem(0, workspace.defaultTimeZone); // an alias such as "UTC" the list lacks
    }
    m_timeZone->setCurrentText(workspace.defaultTimeZone);
    auto *zoneLabel = new QLabel(tr("Default time &zone:"));
    zoneLabel->setBuddy(m_timeZone);
    form->addRow(zoneLabel, m_timeZone);
    m_grace = new QSpinBox;
    m_grace->setObjectName(QStringLiteral("graceMinutesSpin"));
    m_grace->setRange(0, 24 * 60);
    m_grace->setSuffix(tr(" min"));
    m_grace->setValue(workspace.graceMinutes);
    auto *graceLabel = new QLabel(tr("&Grace period:"));
    graceLabel->setBuddy(m_grace);
    form->addRow(graceLabel, m_grace);
    form->addRow(hint(tr("A post whose time passed while nothing ran still goes out within the grace "
                         "period; later, it waits for you.")));
    group->setEnabled(m_backend.isReady());
    return group;
}

void SettingsDialog::loadSecrets() {
    for (Setting secret : secretSettings) {
        auto *edit = qobject_cast<QLineEdit *>(m_editors.value(secret));
        if (m_settings.fromEnvironment(secret)) {
            continue;
        }
        ++m_secretsPending;
        edit->setEnabled(false);
        edit->setPlaceholderText(tr("reading the keychain…"));
        m_secrets->read(secret, [this, secret, edit](std::expected<QString, Error> value) {
            --m_secretsPending;
            edit->setEnabled(true);
            edit->setPlaceholderText(secret == Setting::PhotoUploadToken ? tr("optional") : QString());
            if (!value) {
                m_error->setText(value.error().message);
                m_error->show();
                return;
            }
            m_loadedSecrets.insert(secret, *value);
            edit->setText(*value);
        });
    }
}

void SettingsDialog::testDatabase() {
    m_test->setEnabled(false);
    m_testResult->setText(tr("Connecting…"));
    Backend::testDatabase(lineText(Setting::DatabaseUrl), this, [this](std::expected<QString, Error> result) {
        m_test->setEnabled(true);
        m_testResult->setText(result ? tr("Connected: %1").arg(*result)
                                     : tr("Failed: %1").arg(result.error().message));
    });
}

QString SettingsDialog::lineText(Setting setting) const {
    auto *edit = qobject_cast<QLineEdit *>(m_editors.value(setting));
    return edit ? edit->text().trimmed() : QString();
}

QString SettingsDialog::problem() const {
    if (const QString url = lineText(Setting::DatabaseUrl);
        !url.isEmpty() && !m_settings.fromEnvironment(Setting::DatabaseUrl)) {
        if (auto config = DatabaseConfig::fromUrl(url); !config) {
            return config.error().message;
        }
    }
    if (const QString url = lineText(Setting::PhotoUploadUrl);
        !url.isEmpty() && !m_settings.fromEnvironment(Setting::PhotoUploadUrl)) {
        if (auto checked = tiktok::ApiConfig::checkedUrl(url, "The photo upload URL"); !checked) {
            return checked.error().message;
        }
    }
    return {};
}

void SettingsDialog::save() {
    if (const QString why = problem(); !why.isEmpty()) {
        m_error->setText(why);
        m_error->show();
        return;
    }
    m_changes = {};
    for (auto it = m_editors.cbegin(); it != m_editors.cend(); ++it) {
        const Setting setting = it.key();
        if (m_settings.fromEnvironment(setting) || Settings::isSecret(setting)) {
            continue;
        }
        const QString before = m_settings.value(setting);
        if (auto *check = qobject_cast<QCheckBox *>(it.value())) {
            m_settings.setFlag(setting, check->isChecked());
        } else {
            m_settings.setValue(setting, lineText(setting));
        }
        const bool changed = before != m_settings.value(setting);
        m_changes.tiktok |= changed && tiktokSettings.contains(setting);
        m_changes.restart |= changed && restartSettings.contains(setting);
        m_changes.publishing |= changed && setting == Setting::PublishFromThisComputer;
    }
    m_buttons->setEnabled(false);
    m_failed = false;
    ++m_writesPending; // until everything below was sent off
    saveWorkspace();
    saveSecrets();
    onWritten({});
}

void SettingsDialog::saveSecrets() {
    // Secrets go where the (possibly new) data folder keeps them when there is no keychain.
    m_secrets->deleteLater();
    m_secrets = new SecretStore(AppConfig::secretsDirectoryIn(AppConfig::dataDirectoryOf(m_settings)), this);
    for (Setting secret : secretSettings) {
        if (m_settings.fromEnvironment(secret) || !secretsLoaded()
            || lineText(secret) == m_loadedSecrets.value(secret)) {
            continue;
        }
        m_changes.tiktok = true;
        ++m_writesPending;
        m_secrets->write(secret, lineText(secret), [this, secret](std::expected<void, Error> written) {
            if (written) {
                m_loadedSecrets.insert(secret, lineText(secret)); // not written again on a retry
            }
            onWritten(std::move(written));
        });
    }
}

void SettingsDialog::onWritten(std::expected<void, Error> written) {
    --m_writesPending;
    if (!written) {
        m_failed = true;
        m_error->setText(written.error().message);
        m_error->show();
    }
    if (m_writesPending > 0) {
        return;
    }
    if (m_failed) {
        m_buttons->setEnabled(true); // what was saved stays saved; the rest can be corrected
        return;
    }
    Q_EMIT saved(m_changes);
    accept();
}

void SettingsDialog::saveWorkspace() {
    if (!m_backend.isReady()) {
        return;
    }
    const WorkspaceInfo &workspace = m_backend.workspace();
    const auto set = [this](const char *key, const QString &value) {
        ++m_writesPending;
        m_backend.setWorkspaceSetting(
            QString::fromLatin1(key), value, this,
            [this](std::expected<void, Error> done) { onWritten(std::move(done)); });
    };
    if (m_approval->isChecked() != workspace.approvalRequired) {
        set(settings::ApprovalRequired,
            m_approval->isChecked() ? QStringLiteral("true") : QStringLiteral("false"));
    }
    if (m_timeZone->currentText() != workspace.defaultTimeZone) {
        set(settings::DefaultTimeZone, m_timeZone->currentText());
    }
    if (m_grace->value() != workspace.graceMinutes) {
        set(settings::GraceMinutes, QString::number(m_grace->value()));
    }
}

void SettingsDialog::done(int result) {
    // A secret being written finishes first; its answer then closes the dialog.
    if (result == QDialog::Rejected || m_writesPending == 0) {
        QDialog::done(result);
    }
}

} // namespace cq::ui
