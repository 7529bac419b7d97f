#include "ui/i18n/Language.h"

#include <QCoreApplication>
#include <QDir>
#include <QLibraryInfo>
#include <QLocale>
#include <QPointer>
#include <QSettings>
#include <QTranslator>

namespace pluresdb::ui::i18n {

namespace {

constexpr char kCatalogueDir[] = ":/i18n";
constexpr char kCataloguePrefix[] = "pluresdb_";
// The per-user settings file: <config dir>/PluresDB/pluresdb-desktop.ini.
constexpr char kSettingsOrganisation[] = "PluresDB";
constexpr char kSettingsApplication[] = "pluresdb-desktop";

// What this module installed, so that switching languages replaces rather than stacks translators.
QPointer<QTranslator> s_appTranslator;
QPointer<QTranslator> s_qtTranslator;

QString cataloguePath(const QString& code) {
    return QLatin1String(kCatalogueDir) + u'/' + QLatin1String(kCataloguePrefix) + code +
           QStringLiteral(".qm");
}

QStringList availableCodes() {
    QStringList codes{QLatin1String(kSourceLanguage)};
    const QStringList files = QDir(QLatin1String(kCatalogueDir))
                                  .entryList({QLatin1String(kCataloguePrefix) + u'*' + QStringLiteral(".qm")},
                                             QDir::Files, QDir::Name);
    for (const QString& file : files) {
        const QString code = file.mid(int(qstrlen(kCataloguePrefix))).chopped(3);
        if (!codes.contains(code)) codes << code;
    }
    return codes;
}

// Maps one BCP 47 / POSIX tag ("de-AT", "fr_FR.UTF-8", "zh-Hans-CN") to an available code, or "".
QString matchCode(QString tag, const QStringList& available) {
    tag = tag.trimmed();
    tag = tag.left(tag.indexOf(u'.') < 0 ? tag.size() : tag.indexOf(u'.'));  // drop ".UTF-8"
    tag = tag.left(tag.indexOf(u'@') < 0 ? tag.size() : tag.indexOf(u'@'));  // drop "@euro"
    tag.replace(u'-', u'_');
    if (tag.isEmpty()) return {};
    if (available.contains(tag)) return tag;
    const QStringList parts = tag.split(u'_');
    const QString language = parts.first().toLower();
    if (language == u"zh") {
        // Only Simplified Chinese has a catalogue: do not show it to readers of Traditional Chinese
        // (Hant script, or Taiwan/Hong Kong/Macao without a script), who fall through to the next choice.
        const bool traditional = parts.contains(QStringLiteral("Hant"), Qt::CaseInsensitive) ||
                                 (!parts.contains(QStringLiteral("Hans"), Qt::CaseInsensitive) &&
                                  (parts.contains(QStringLiteral("TW"), Qt::CaseInsensitive) ||
                                   parts.contains(QStringLiteral("HK"), Qt::CaseInsensitive) ||
                                   parts.contains(QStringLiteral("MO"), Qt::CaseInsensitive)));
        return !traditional && available.contains(QStringLiteral("zh_CN")) ? QStringLiteral("zh_CN")
                                                                           : QString();
    }
    return available.contains(language) ? language : QString();
}

}  // namespace

QList<Language> availableLanguages() {
    QList<Language> out;
    for (const QString& code : availableCodes()) {
        if (code == QLatin1String(kSourceLanguage)) {
            out.append({code, QStringLiteral("English")});
            continue;
        }
        const QLocale locale(code);
        QString name = locale.nativeLanguageName();
        if (!name.isEmpty()) name[0] = name[0].toUpper();  // "français" heads a menu entry
        if (code.contains(u'_')) name += QStringLiteral(" (%1)").arg(locale.nativeTerritoryName());
        out.append({code, name.isEmpty() ? code : name});
    }
    return out;
}

QString userSettingsPath() {
    return QSettings(QSettings::IniFormat, QSettings::UserScope, QLatin1String(kSettingsOrganisation),
                     QLatin1String(kSettingsApplication))
        .fileName();
}

QString chooseLanguage(const QString& overrideCode, const QStringList& systemLanguages) {
    const QStringList available = availableCodes();
    if (const QString code = matchCode(overrideCode, available); !code.isEmpty()) return code;
    for (const QString& tag : systemLanguages) {
        if (const QString code = matchCode(tag, available); !code.isEmpty()) return code;
    }
    return QLatin1String(kSourceLanguage);
}

bool installLanguage(QCoreApplication* app, const QString& code) {
    for (QPointer<QTranslator>* slot : {&s_appTranslator, &s_qtTranslator}) {
        if (*slot) {
            QCoreApplication::removeTranslator(*slot);
            delete slot->data();
        }
    }
    auto* appTranslator = new QTranslator(app);
    if (!appTranslator->load(cataloguePath(code))) {
        delete appTranslator;
        // English without its plural file still reads acceptably; any other language is a real loss.
        return code == QLatin1String(kSourceLanguage);
    }
    QCoreApplication::installTranslator(appTranslator);
    s_appTranslator = appTranslator;

    // Qt's catalogue translates the standard buttons (Cancel, OK) and dialogs; optional on Linux.
    auto* qtTranslator = new QTranslator(app);
    if (code != QLatin1String(kSourceLanguage) &&
        qtTranslator->load(QStringLiteral("qtbase_") + code,
                           QLibraryInfo::path(QLibraryInfo::TranslationsPath))) {
        QCoreApplication::installTranslator(qtTranslator);
        s_qtTranslator = qtTranslator;
    } else {
        delete qtTranslator;
    }
    return true;
}

QString applyLanguage(QCoreApplication* app, const QSettings& settings) {
    const QString code = chooseLanguage(settings.value(QLatin1String(kLanguageSetting)).toString(),
                                        QLocale::system().uiLanguages());
    if (installLanguage(app, code)) return code;
    installLanguage(app, QLatin1String(kSourceLanguage));
    return QLatin1String(kSourceLanguage);
}

QString applyLanguage(QCoreApplication* app) {
    const QSettings settings(userSettingsPath(), QSettings::IniFormat);
    return applyLanguage(app, settings);
}

}  // namespace pluresdb::ui::i18n
