#include "shell/TrayIcon.h"

#include "common/AppIcon.h"
#include "common/StatusText.h"
#include "session/Backend.h"
#include "shell/PublishingStatusWidget.h"

#include <QApplication>
#include <QMenu>
#include <QSystemTrayIcon>

namespace cq::ui {

namespace {
constexpr int NotificationMs = 10'000;
} // namespace

TrayIcon::TrayIcon(Backend &backend, QObject *parent)
    : QObject(parent)
    , m_backend(backend)
    , m_menu(new QMenu)
    , m_icon(new QSystemTrayIcon(applicationIcon(), this)) {
    m_menu->setObjectName(QStringLiteral("trayMenu"));
    QAction *open = m_menu->addAction(tr("&Open ClipQueue"), this, &TrayIcon::openRequested);
    open->setObjectName(QStringLiteral("trayOpenAction"));
    m_pause = m_menu->addAction(tr("&Pause publishing"));
    m_pause->setObjectName(QStringLiteral("trayPauseAction"));
    m_pause->setCheckable(true);
    connect(m_pause, &QAction::triggered, this, [this](bool paused) { m_backend.setPublishing(!paused); });
    m_menu->addSeparator();
    QAction *quit = m_menu->addAction(tr("&Quit"), this, &TrayIcon::quitRequested);
    quit->setObjectName(QStringLiteral("trayQuitAction"));
    m_icon->setContextMenu(m_menu);
    m_icon->setToolTip(tr("ClipQueue"));
    updatePause(m_backend.isPublishing());
    connect(m_icon, &QSystemTrayIcon::activated, this, [this](QSystemTrayIcon::ActivationReason reason) {
        if (reason == QSystemTrayIcon::Trigger || reason == QSystemTrayIcon::DoubleClick) {
            Q_EMIT openRequested();
        }
    });
    connect(m_icon, &QSystemTrayIcon::messageClicked, this, [this] {
        if (m_notifiedPost.isEmpty()) {
            Q_EMIT openRequested();
        } else {
            Q_EMIT postOpenRequested(m_notifiedPost);
        }
    });
    connect(&m_backend, &Backend::publishingChanged, this, &TrayIcon::updatePause);
    connect(&m_backend, &Backend::postSettled, this, &TrayIcon::onSettled);
}

TrayIcon::~TrayIcon() {
    delete m_menu; // a menu has no parent object to go with
}

bool TrayIcon::isAvailable() const {
    return m_available.value_or(QSystemTrayIcon::isSystemTrayAvailable());
}

void TrayIcon::show() {
    m_icon->show();
}

void TrayIcon::notify(const QString &title, const QString &body) {
    m_notifiedPost.clear();
    m_icon->showMessage(title, body, QSystemTrayIcon::Information, NotificationMs);
}

std::optional<TrayIcon::Notification> TrayIcon::notificationFor(const PostRow &row) {
    const QString name = PublishingStatusWidget::postName(row.post.content.text);
    switch (row.post.status) {
    case PostStatus::Published:
        return Notification{tr("Published"), tr("%1 is on TikTok.").arg(name), false};
    case PostStatus::Failed:
        return Notification{tr("Not published"), tr("%1 failed. Open it to see why and retry.").arg(name),
                            true};
    case PostStatus::NeedsAttention:
        return Notification{
            tr("Needs attention"),
            tr("%1: ClipQueue cannot tell whether it was published. Open it to check.").arg(name), true};
    default:
        return std::nullopt;
    }
}

void TrayIcon::onSettled(const PostRow &row) {
    const auto notification = notificationFor(row);
    if (!notification) {
        return;
    }
    m_notifiedPost = row.post.id;
    m_icon->showMessage(notification->title, notification->body,
                        notification->warning ? QSystemTrayIcon::Warning : QSystemTrayIcon::Information,
                        NotificationMs);
}

void TrayIcon::updatePause(bool publishing) {
    m_pause->setChecked(!publishing);
    m_pause->setToolTip(publishing ? tr("Due posts go out from this computer") : tr("Publishing is paused"));
    m_icon->setToolTip(publishing ? tr("ClipQueue: publishing") : tr("ClipQueue: publishing paused"));
}

} // namespace cq::ui
