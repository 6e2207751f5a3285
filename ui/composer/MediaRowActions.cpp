#include "composer/MediaRowActions.h"

#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QVBoxLayout>

namespace cq::ui {

MediaRowActions::MediaRowActions(QWidget *parent)
    : QWidget(parent)
    , m_fix(new QPushButton(tr("Fix"), this))
    , m_converting(new QLabel(tr("Converting…"), this))
    , m_progress(new QProgressBar(this))
    , m_cancel(new QPushButton(tr("Cancel"), this)) {
    setObjectName(QStringLiteral("mediaRowActions"));
    m_fix->setObjectName(QStringLiteral("mediaFixButton"));
    m_converting->setObjectName(QStringLiteral("mediaFixConverting"));
    m_progress->setObjectName(QStringLiteral("mediaFixProgress"));
    m_progress->setRange(0, 100);
    m_progress->setTextVisible(true);
    m_cancel->setObjectName(QStringLiteral("mediaFixCancelButton"));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_converting);
    layout->addWidget(m_progress);
    layout->addWidget(m_fix);
    layout->addWidget(m_cancel);
    setFixedWidth(widthPx(fontMetrics()));
    connect(m_fix, &QPushButton::clicked, this, &MediaRowActions::fixClicked);
    connect(m_cancel, &QPushButton::clicked, this, &MediaRowActions::cancelClicked);
}

int MediaRowActions::widthPx(const QFontMetrics &metrics) {
    return metrics.averageCharWidth() * 16;
}

void MediaRowActions::showState(const QString &itemName, const QString &fix, std::optional<double> progress) {
    const bool converting = progress.has_value();
    m_fix->setVisible(!converting && !fix.isEmpty());
    m_fix->setToolTip(tr("Fix: %1").arg(fix));
    m_fix->setAccessibleName(tr("Fix %1").arg(itemName));
    m_fix->setAccessibleDescription(fix);
    m_converting->setVisible(converting);
    m_progress->setVisible(converting);
    m_cancel->setVisible(converting);
    m_cancel->setAccessibleName(tr("Cancel converting %1").arg(itemName));
    if (converting) {
        const int percent = int(*progress * 100.0 + 0.5);
        m_progress->setValue(percent);
        m_progress->setFormat(tr("%1 %").arg(percent));
        m_progress->setAccessibleName(tr("Converting %1").arg(itemName));
        m_progress->setToolTip(fix);
    }
}

} // namespace cq::ui
