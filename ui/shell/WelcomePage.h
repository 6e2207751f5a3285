#pragma once

#include <QWidget>

class QLabel;
class QPushButton;

namespace cq {
class Backend;
}

namespace cq::ui {

// The first start, inside the main window (nothing modal): three steps, each a button to the place
// where it is done for good (the TikTok developer app in Settings, an account on the Accounts page,
// a team database in Settings) and a line saying whether it is done. Skippable; shown only while
// ClipQueue is not set up and the environment does not configure it.
class WelcomePage : public QWidget {
    Q_OBJECT

public:
    explicit WelcomePage(Backend &backend, QWidget *parent = nullptr);

    // True on a first start that the environment does not configure.
    static bool wanted();
    // Reads the settings and accounts again (after the settings dialog saved).
    void updateSteps();

Q_SIGNALS:
    void settingsRequested();
    void connectRequested();
    // Finished or skipped: the window goes on to its pages, and the welcome does not come back.
    void finished();

private:
    QWidget *step(const QString &title, const QString &text, QPushButton *button, QLabel *state);

    Backend &m_backend;
    QPushButton *m_app;
    QPushButton *m_account;
    QPushButton *m_database;
    QPushButton *m_done;
    QLabel *m_appState;
    QLabel *m_accountState;
    QLabel *m_databaseState;
};

} // namespace cq::ui
