#pragma once

#include "post/PostStatus.h"

#include <QWidget>

class QLabel;
class QProgressBar;
class QTimer;

namespace cq::ui {

// A status-bar line for the posts being published in the background: which post is uploading, how
// far (bytes, as a bar and as text), and how each one ended. Fed by the Backend's uploadProgress()
// and postSettled() signals.
class PublishingStatusWidget : public QWidget {
    Q_OBJECT

public:
    explicit PublishingStatusWidget(QWidget *parent = nullptr);

    void showUploadProgress(const QString &postId, const QString &caption, qint64 sentBytes,
                            qint64 totalBytes);
    void showSettled(const QString &postId, const QString &caption, cq::PostStatus status);
    void showMessage(const QString &message);

    QString text() const;
    // Percent shown by the bar; -1 while it is hidden.
    int progressPercent() const;

    // "Launch day 🚀 #launch" shortened to fit a status line, or "a post without caption".
    static QString postName(const QString &caption);

private:
    QLabel *m_label;
    QProgressBar *m_bar;
    QTimer *m_idle; // hides an outcome after a while
};

} // namespace cq::ui
