#include "shell/PublishingStatusWidget.h"

#include "common/StatusText.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QProgressBar>
#include <QTimer>

namespace cq::ui {

namespace {
constexpr int CaptionChars = 40;
constexpr int OutcomeShownMs = 15'000;
} // namespace

PublishingStatusWidget::PublishingStatusWidget(QWidget *parent)
    : QWidget(parent)
    , m_label(new QLabel(this))
    , m_bar(new QProgressBar(this))
    , m_idle(new QTimer(this)) {
    setObjectName(QStringLiteral("publishingStatus"));
    m_label->setTextFormat(Qt::PlainText);
    m_bar->setRange(0, 100);
    m_bar->setTextVisible(false);
    m_bar->setMaximumWidth(160);
    m_bar->setMaximumHeight(m_label->fontMetrics().height());
    m_bar->hide();
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_label);
    layout->addWidget(m_bar);
    m_idle->setSingleShot(true);
    connect(m_idle, &QTimer::timeout, m_label, &QLabel::clear);
}

QString PublishingStatusWidget::postName(const QString &caption) {
    const QString line = caption.simplified();
    if (line.isEmpty()) {
        return tr("a post without caption");
    }
    if (line.size() <= CaptionChars) {
        return tr("“%1”").arg(line);
    }
    // Never cut a surrogate pair (an emoji) in half.
    qsizetype cut = CaptionChars;
    if (line.at(cut - 1).isHighSurrogate()) {
        --cut;
    }
    return tr("“%1…”").arg(line.left(cut));
}

void PublishingStatusWidget::showUploadProgress(const QString &, const QString &caption, qint64 sentBytes,
                                                qint64 totalBytes) {
    m_idle->stop();
    const int percent = totalBytes > 0 ? int(sentBytes * 100 / totalBytes) : 0;
    const QLocale locale;
    m_label->setText(tr("Uploading %1: %2 of %3")
                         .arg(postName(caption),
                              locale.formattedDataSize(sentBytes, 1, QLocale::DataSizeSIFormat),
                              locale.formattedDataSize(totalBytes, 1, QLocale::DataSizeSIFormat)));
    m_bar->setValue(percent);
    m_bar->show();
}

void PublishingStatusWidget::showSettled(const QString &, const QString &caption, cq::PostStatus status) {
    m_bar->hide();
    const QString name = postName(caption);
    QString outcome;
    switch (status) {
    case PostStatus::Published:
        outcome = tr("%1 is published on TikTok.").arg(name);
        break;
    case PostStatus::Failed:
        outcome = tr("%1 failed to publish; its attempt log says why.").arg(name);
        break;
    case PostStatus::NeedsAttention:
        outcome = tr("%1 needs your attention: check the account in TikTok before retrying.").arg(name);
        break;
    default:
        outcome = tr("%1 is now: %2.").arg(name, statusLabel(status));
        break;
    }
    m_label->setText(outcome);
    m_idle->start(OutcomeShownMs);
}

void PublishingStatusWidget::showMessage(const QString &message) {
    m_bar->hide();
    m_label->setText(message);
    m_idle->stop();
}

QString PublishingStatusWidget::text() const {
    return m_label->text();
}

int PublishingStatusWidget::progressPercent() const {
    return m_bar->isHidden() ? -1 : m_bar->value();
}

} // namespace cq::ui
