#include "composer/TrimStep.h"

#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QVBoxLayout>

#include <tuple>

#include "composer/VideoPreview.h"

namespace cq::ui {

namespace {
// Seconds with one decimal, as the conversion's description gives them.
QString seconds(double value) {
    return TrimStep::tr("%1 s").arg(QLocale().toString(value, 'f', 1));
}

QDoubleSpinBox *secondsField(const char *objectName, const QString &accessibleName, QWidget *parent) {
    auto *field = new QDoubleSpinBox(parent);
    field->setObjectName(QLatin1StringView(objectName));
    field->setAccessibleName(accessibleName);
    field->setDecimals(1);
    field->setSingleStep(0.1);
    field->setSuffix(TrimStep::tr(" s"));
    return field;
}
} // namespace

TrimStep::TrimStep(const VideoPreview &preview, QWidget *parent)
    : QGroupBox(tr("Trim the video"), parent)
    , m_preview(preview)
    , m_start(secondsField("trimStart", tr("Start of the part to keep"), this))
    , m_end(secondsField("trimEnd", tr("End of the part to keep"), this))
    , m_length(new QLabel(this))
    , m_apply(new QPushButton(tr("Trim and convert"), this)) {
    setObjectName(QStringLiteral("trimStep"));
    auto *setStart = new QPushButton(tr("Set start here"), this);
    setStart->setObjectName(QStringLiteral("trimSetStart"));
    setStart->setToolTip(tr("The part to keep starts at the preview's playhead"));
    auto *setEnd = new QPushButton(tr("Set end here"), this);
    setEnd->setObjectName(QStringLiteral("trimSetEnd"));
    setEnd->setToolTip(tr("The part to keep ends at the preview's playhead"));
    m_length->setObjectName(QStringLiteral("trimLength"));
    m_length->setWordWrap(true);
    m_apply->setObjectName(QStringLiteral("trimApply"));
    m_apply->setDefault(true);
    auto *cancel = new QPushButton(tr("Cancel"), this);
    cancel->setObjectName(QStringLiteral("trimCancel"));
    cancel->setAccessibleName(tr("Cancel trimming"));

    auto *fields = new QFormLayout;
    auto *startRow = new QHBoxLayout;
    startRow->addWidget(m_start, 1);
    startRow->addWidget(setStart);
    auto *endRow = new QHBoxLayout;
    endRow->addWidget(m_end, 1);
    endRow->addWidget(setEnd);
    for (const auto &[text, field, row] :
         {std::tuple{tr("&Start:"), m_start, startRow}, std::tuple{tr("&End:"), m_end, endRow}}) {
        auto *label = new QLabel(text, this);
        label->setBuddy(field);
        fields->addRow(label, row);
    }
    auto *buttons = new QHBoxLayout;
    buttons->addStretch(1);
    buttons->addWidget(cancel);
    buttons->addWidget(m_apply);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(fields);
    layout->addWidget(m_length);
    layout->addLayout(buttons);
    setTabOrder(m_start, setStart);
    setTabOrder(setStart, m_end);
    setTabOrder(m_end, setEnd);
    setTabOrder(setEnd, cancel);
    setTabOrder(cancel, m_apply);

    connect(setStart, &QPushButton::clicked, this, &TrimStep::setStartHere);
    connect(setEnd, &QPushButton::clicked, this, &TrimStep::setEndHere);
    connect(m_start, &QDoubleSpinBox::valueChanged, this, &TrimStep::updateLength);
    connect(m_end, &QDoubleSpinBox::valueChanged, this, &TrimStep::updateLength);
    connect(cancel, &QPushButton::clicked, this, [this] {
        hide();
        Q_EMIT cancelled();
    });
    connect(m_apply, &QPushButton::clicked, this, [this] {
        hide();
        Q_EMIT accepted(m_itemId, range());
    });
    hide();
}

void TrimStep::open(int itemId, const QString &name, double durationSeconds, int maximumSeconds) {
    m_itemId = itemId;
    m_maximumSeconds = maximumSeconds;
    setTitle(tr("Trim %1").arg(name));
    for (QDoubleSpinBox *field : {m_start, m_end}) {
        field->setRange(0.0, durationSeconds);
    }
    m_start->setValue(0.0);
    m_end->setValue(std::min(durationSeconds, double(maximumSeconds)));
    updateLength();
    show();
    m_start->setFocus();
}

TimeRange TrimStep::range() const {
    return TimeRange{m_start->value(), m_end->value()};
}

void TrimStep::setStartHere() {
    m_start->setValue(double(m_preview.positionMs()) / 1000.0);
}

void TrimStep::setEndHere() {
    m_end->setValue(double(m_preview.positionMs()) / 1000.0);
}

void TrimStep::updateLength() {
    const double length = range().lengthSeconds();
    const bool fits = length > 0.0 && length <= m_maximumSeconds + 0.05;
    QString text = tr("Keeps %1, from %2 to %3. The creator's maximum: %4.")
                       .arg(seconds(std::max(0.0, length)), seconds(m_start->value()),
                            seconds(m_end->value()), seconds(m_maximumSeconds));
    if (length <= 0.0) {
        text += u' ' + tr("The end must come after the start.");
    } else if (!fits) {
        text += u' ' + tr("Too long: move the start or the end.");
    }
    m_length->setText(text);
    m_apply->setEnabled(fits);
}

} // namespace cq::ui
