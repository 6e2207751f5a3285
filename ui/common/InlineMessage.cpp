#include "common/InlineMessage.h"

#include "common/StatusBadgeDelegate.h"

#include <QAccessible>
#include <QHBoxLayout>
#include <QLabel>
#include <QPainter>
#include <QPushButton>
#include <QStyle>
#include <QToolButton>

namespace cq::ui {

InlineMessage::InlineMessage(QWidget *parent)
    : QFrame(parent)
    , m_icon(new QLabel(this))
    , m_text(new QLabel(this))
    , m_action(new QPushButton(this))
    , m_close(new QToolButton(this)) {
    setObjectName(QStringLiteral("inlineMessage"));
    m_text->setObjectName(QStringLiteral("inlineMessageText"));
    m_text->setWordWrap(true);
    m_text->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    m_action->setObjectName(QStringLiteral("inlineMessageAction"));
    m_action->hide();
    m_close->setObjectName(QStringLiteral("inlineMessageClose"));
    m_close->setIcon(style()->standardIcon(QStyle::SP_DialogCloseButton));
    m_close->setAutoRaise(true);
    m_close->setToolTip(tr("Dismiss"));
    m_close->setAccessibleName(tr("Dismiss message"));

    auto *row = new QHBoxLayout(this);
    const int margin = fontMetrics().height() / 2;
    row->setContentsMargins(margin, margin / 2, margin / 2, margin / 2);
    row->addWidget(m_icon, 0, Qt::AlignTop);
    row->addWidget(m_text, 1);
    row->addWidget(m_action, 0, Qt::AlignVCenter);
    row->addWidget(m_close, 0, Qt::AlignTop);
    connect(m_action, &QPushButton::clicked, this, &InlineMessage::actionTriggered);
    connect(m_close, &QToolButton::clicked, this, [this] {
        hide();
        Q_EMIT dismissed();
    });
    hide();
}

void InlineMessage::showMessage(const QString &text, Kind kind, const QString &actionText) {
    m_kind = kind;
    m_text->setText(text);
    const bool error = kind == Kind::Error;
    const int side = fontMetrics().height();
    m_icon->setPixmap(
        style()
            ->standardIcon(error ? QStyle::SP_MessageBoxWarning : QStyle::SP_MessageBoxInformation)
            .pixmap(QSize(side, side), devicePixelRatioF()));
    setAccessibleName(error ? tr("Error") : tr("Information"));
    setAccessibleDescription(text);
    m_text->setAccessibleName(accessibleName()); // selectable, so it takes the focus: say what it is
    m_action->setText(actionText);
    m_action->setVisible(!actionText.isEmpty());
    show();
    update();
    QAccessibleEvent alert(this, QAccessible::Alert);
    QAccessible::updateAccessibility(&alert);
}

QString InlineMessage::text() const {
    return m_text->text();
}

void InlineMessage::paintEvent(QPaintEvent *event) {
    QFrame::paintEvent(event);
    // The badge colours: mixed from this palette, so the message reads in dark themes too.
    const StatusTone tone = m_kind == Kind::Error ? StatusTone::Negative : StatusTone::Active;
    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setPen(QPen(StatusBadgeDelegate::outline(palette(), tone), 1));
    painter.setBrush(StatusBadgeDelegate::background(palette(), tone));
    const qreal radius = fontMetrics().height() / 3.0;
    painter.drawRoundedRect(QRectF(rect()).adjusted(0.5, 0.5, -0.5, -0.5), radius, radius);
}

} // namespace cq::ui
