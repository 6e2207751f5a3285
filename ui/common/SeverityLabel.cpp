#include "common/SeverityLabel.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QStyle>

namespace cq::ui {

SeverityLabel::SeverityLabel(QWidget *parent)
    : QWidget(parent)
    , m_icon(new QLabel(this))
    , m_text(new QLabel(this)) {
    m_text->setObjectName(QStringLiteral("messageText"));
    m_text->setWordWrap(true);
    m_text->setTextFormat(Qt::PlainText);
    m_text->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    m_icon->setAlignment(Qt::AlignTop);
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_icon);
    layout->addWidget(m_text, 1);
    setVisible(false);
}

void SeverityLabel::showMessage(Kind kind, const QString &text) {
    if (text.isEmpty()) {
        clear();
        return;
    }
    m_kind = kind;
    const QStyle::StandardPixmap pixmap = kind == Kind::Error     ? QStyle::SP_MessageBoxCritical
                                          : kind == Kind::Warning ? QStyle::SP_MessageBoxWarning
                                                                  : QStyle::SP_MessageBoxInformation;
    const int side = fontMetrics().height();
    m_icon->setPixmap(
        style()->standardIcon(pixmap, nullptr, this).pixmap(QSize(side, side), devicePixelRatio()));
    m_text->setText(text);
    const QString prefix = kind == Kind::Error     ? tr("Error")
                           : kind == Kind::Warning ? tr("Warning")
                                                   : QString();
    setAccessibleName(prefix.isEmpty() ? text : prefix + u": " + text);
    setVisible(true);
}

void SeverityLabel::clear() {
    m_text->clear();
    setAccessibleName(QString());
    setVisible(false);
}

QString SeverityLabel::text() const {
    return m_text->text();
}

} // namespace cq::ui
