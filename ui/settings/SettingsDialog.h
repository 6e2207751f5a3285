#pragma once

#include "util/Error.h"
#include "util/Settings.h"

#include <QDialog>
#include <QHash>

#include <expected>

class QCheckBox;
class QComboBox;
class QDialogButtonBox;
class QFormLayout;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;

namespace cq {
class Backend;
class SecretStore;
} // namespace cq

namespace cq::ui {

// The settings of this computer (data folder, team database, TikTok app, photo hosting, publishing,
// start minimised) over cq::Settings, and the team's shared settings (approval, default time zone,
// grace period) through the Backend. Secrets go to the keychain (SecretStore), read and written
// asynchronously. A setting an environment variable sets is shown with its value, read-only, and
// named as "set by CLIPQUEUE_…": the environment wins.
class SettingsDialog : public QDialog {
    Q_OBJECT

public:
    // What saving changed, so that the window can apply it.
    struct Changes {
        bool tiktok = false;  // the TikTok app or photo host: the Backend reads them again
        bool restart = false; // data folder, database or profile name: used from the next start
        bool publishing = false;
    };

    explicit SettingsDialog(Backend &backend, QWidget *parent = nullptr);

    // The editor of `setting` (a QLineEdit or QCheckBox), for tests and the first-start page.
    QWidget *editor(Setting setting) const { return m_editors.value(setting); }
    // True once the secrets were read from the keychain (the fields wait until then).
    bool secretsLoaded() const { return m_secretsPending == 0; }

Q_SIGNALS:
    void saved(const cq::ui::SettingsDialog::Changes &changes);

protected:
    void done(int result) override;

private:
    QWidget *buildComputerGroup();
    QWidget *buildTikTokGroup();
    QWidget *buildPhotoGroup();
    QWidget *buildWorkspaceGroup();
    QLineEdit *addLine(QFormLayout *form, Setting setting, const QString &label,
                       const QString &placeholder = {});
    QCheckBox *addCheck(QFormLayout *form, Setting setting, const QString &text, const QString &objectName);
    // Greys out an editor the environment overrides and says which variable wins.
    void markEnvironment(QWidget *editor, Setting setting, QFormLayout *form);
    void loadSecrets();
    void testDatabase();
    // Checks what was typed; an error message when something cannot be saved.
    QString problem() const;
    void save();
    void saveWorkspace();
    void saveSecrets();
    // One write (a secret, a workspace setting) answered; the last one closes the dialog, or keeps it
    // open with what went wrong.
    void onWritten(std::expected<void, Error> written);
    QString lineText(Setting setting) const;

    Backend &m_backend;
    Settings m_settings;
    SecretStore *m_secrets;
    QHash<Setting, QWidget *> m_editors;
    QHash<Setting, QString> m_loadedSecrets;
    int m_secretsPending = 0;
    int m_writesPending = 0;
    bool m_failed = false;
    Changes m_changes;
    QLabel *m_environment;
    QPushButton *m_test = nullptr;
    QLabel *m_testResult = nullptr;
    QCheckBox *m_approval = nullptr;
    QComboBox *m_timeZone = nullptr;
    QSpinBox *m_grace = nullptr;
    QLabel *m_error;
    QDialogButtonBox *m_buttons;
};

} // namespace cq::ui

Q_DECLARE_METATYPE(cq::ui::SettingsDialog::Changes)
