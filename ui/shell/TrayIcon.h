#pragma once

#include "post/PostStatus.h"

#include <QObject>

#include <optional>

class QAction;
class QMenu;
class QSystemTrayIcon;

namespace cq {
class Backend;
struct PostRow;
} // namespace cq

namespace cq::ui {

// ClipQueue in the system tray: a menu (Open ClipQueue, Pause publishing, Quit) and a desktop
// notification when a post is published, fails or needs attention; clicking the notification asks
// for that post to be opened.
class TrayIcon : public QObject {
    Q_OBJECT

public:
    struct Notification {
        QString title;
        QString body;
        bool warning = false;
    };

    explicit TrayIcon(Backend &backend, QObject *parent = nullptr);
    ~TrayIcon() override;

    // Whether the desktop shows tray icons (a window can hide there); tests say it does.
    bool isAvailable() const;
    void setAvailable(bool available) { m_available = available; }
    void show();
    // Tells the user something from the tray ("ClipQueue keeps publishing here").
    void notify(const QString &title, const QString &body);

    QSystemTrayIcon *icon() const { return m_icon; }
    QMenu *menu() const { return m_menu; }
    QAction *pauseAction() const { return m_pause; }
    // The post the last notification was about; empty when it named none.
    QString notifiedPostId() const { return m_notifiedPost; }

    // What to tell about a post that settled; nothing for an outcome that needs no notification.
    static std::optional<Notification> notificationFor(const PostRow &row);

Q_SIGNALS:
    void openRequested();
    void postOpenRequested(const QString &id);
    void quitRequested();

private:
    void onSettled(const PostRow &row);
    void updatePause(bool publishing);

    Backend &m_backend;
    QMenu *m_menu;
    QSystemTrayIcon *m_icon;
    QAction *m_pause;
    QString m_notifiedPost;
    std::optional<bool> m_available;
};

} // namespace cq::ui
