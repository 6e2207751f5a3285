#include "composer/DisclosureSection.h"

#include <QCheckBox>
#include <QLabel>
#include <QVBoxLayout>

namespace cq::ui {

namespace {
QLabel *explanation(const QString &text, QWidget *parent) {
    auto *label = new QLabel(text, parent);
    label->setWordWrap(true);
    label->setForegroundRole(QPalette::PlaceholderText);
    const int indent = label->fontMetrics().height() * 3 / 2;
    label->setContentsMargins(indent, 0, 0, 0);
    return label;
}
} // namespace

QString DisclosureSection::brandedNotPrivateText() {
    return tr("Branded content visibility cannot be set to private");
}

DisclosureSection::DisclosureSection(QWidget *parent)
    : QWidget(parent)
    , m_disclose(new QCheckBox(tr("Disclose commercial content"), this))
    , m_yourBrand(new QCheckBox(tr("Your brand"), this))
    , m_branded(new QCheckBox(tr("Branded content"), this))
    , m_choices(new QWidget(this))
    , m_label(new QLabel(this)) {
    setObjectName(QStringLiteral("disclosureSection"));
    m_disclose->setObjectName(QStringLiteral("discloseCommercialCheck"));
    m_disclose->setToolTip(tr("Turn on if this post promotes you, your business, a brand or a "
                              "third party in exchange for something of value."));
    m_yourBrand->setObjectName(QStringLiteral("yourBrandCheck"));
    m_branded->setObjectName(QStringLiteral("brandedContentCheck"));
    m_label->setObjectName(QStringLiteral("disclosureLabel"));
    m_label->setWordWrap(true);
    m_label->setAccessibleName(tr("The label TikTok will show"));

    auto *choices = new QVBoxLayout(m_choices);
    const int indent = fontMetrics().height() * 3 / 2;
    choices->setContentsMargins(indent, 0, 0, 0);
    choices->setSpacing(fontMetrics().height() / 6);
    choices->addWidget(m_yourBrand);
    choices->addWidget(explanation(tr("You are promoting yourself or your own business."), m_choices));
    choices->addWidget(m_branded);
    choices->addWidget(explanation(tr("You are promoting another brand or a third party."), m_choices));
    choices->addWidget(m_label);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_disclose);
    layout->addWidget(m_choices);
    for (QCheckBox *box : {m_disclose, m_yourBrand, m_branded}) {
        connect(box, &QCheckBox::toggled, this, [this] {
            update();
            Q_EMIT changed();
        });
    }
    update();
}

void DisclosureSection::applyTo(TikTokSettings &settings) const {
    const bool on = m_disclose->isChecked();
    settings.discloseCommercialContent = on;
    settings.brandOrganicToggle = on && m_yourBrand->isChecked();
    settings.brandContentToggle = on && m_branded->isChecked();
}

void DisclosureSection::load(const TikTokSettings &settings) {
    const QSignalBlocker blockDisclose(m_disclose);
    const QSignalBlocker blockBrand(m_yourBrand);
    const QSignalBlocker blockBranded(m_branded);
    m_disclose->setChecked(settings.discloseCommercialContent || settings.brandContentToggle
                           || settings.brandOrganicToggle);
    m_yourBrand->setChecked(settings.brandOrganicToggle);
    m_branded->setChecked(settings.brandContentToggle);
    update();
}

bool DisclosureSection::brandedContent() const {
    return m_disclose->isChecked() && m_branded->isChecked();
}

void DisclosureSection::setPrivateChosen(bool chosen) {
    m_privateChosen = chosen;
    update();
}

void DisclosureSection::update() {
    m_choices->setVisible(m_disclose->isChecked());
    // "Only me" and branded content exclude each other; a box already on stays on (the findings say
    // what to change) so that nothing the user chose vanishes silently.
    m_branded->setEnabled(!m_privateChosen || m_branded->isChecked());
    m_branded->setToolTip(
        m_privateChosen
            ? tr("%1: choose another audience than \"Only me\" first.").arg(brandedNotPrivateText())
            : QString());
    QString label;
    if (m_branded->isChecked()) {
        label = tr("Your post will be labeled “Paid partnership”.");
    } else if (m_yourBrand->isChecked()) {
        label = tr("Your post will be labeled “Promotional content”.");
    } else {
        label = tr("Choose “Your brand”, “Branded content” or both: the post cannot go out "
                   "until you do.");
    }
    m_label->setText(label);
}

QWidget *DisclosureSection::firstInFocusChain() const {
    return m_disclose;
}

QWidget *DisclosureSection::lastInFocusChain() const {
    return m_branded;
}

bool DisclosureSection::focusField(const QString &pointer) {
    QWidget *target = nullptr;
    if (pointer.endsWith(u"/discloseCommercialContent")) {
        target = m_disclose->isChecked() ? static_cast<QWidget *>(m_yourBrand) : m_disclose;
    } else if (pointer.endsWith(u"/brandContentToggle")) {
        target = m_branded;
    } else if (pointer.endsWith(u"/brandOrganicToggle")) {
        target = m_yourBrand;
    }
    if (target) {
        target->setFocus();
    }
    return target != nullptr;
}

} // namespace cq::ui
