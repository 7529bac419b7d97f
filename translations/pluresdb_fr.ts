<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr" sourcelanguage="en">
<context>
    <name>AboutBox</name>
    <message>
        <location filename="../ui/dialogs/AboutBox.cpp" line="+15"/>
        <source>Local-first data that syncs peer to peer, with no server, over Hyperswarm.</source>
        <translation>Des données locales, synchronisées de pair à pair sans serveur, via Hyperswarm.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Built with Qt %1; running on Qt %2.</source>
        <translation>Compilé avec Qt %1 ; fonctionne avec Qt %2.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>About %1</source>
        <translation>À propos de %1</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <location filename="../app/desktop/main.cpp" line="+54"/>
        <source>PluresDB: local-first data that syncs peer to peer.</source>
        <translation>PluresDB&#xa0;: des données locales qui se synchronisent de pair à pair.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The data directory (spaces and their databases).</source>
        <translation>Le dossier de données (les espaces et leurs bases de données).</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Open this one database directory, without spaces.</source>
        <translation>Ouvrir uniquement ce dossier de base de données, sans espaces.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Render the main window to a PNG file and exit.</source>
        <translation>Enregistrer la fenêtre principale dans un fichier PNG et quitter.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>What --screenshot renders: main, share (the current space&apos;s share dialog), join (the join dialog, with the link if one is given), history (the first record&apos;s history), settings, about, or the current space&apos;s peers, traffic, debugger or doctor (the debugger on a refused peer).</source>
        <translation>Ce que --screenshot affiche : main, share (la boîte de partage de l&apos;espace courant), join (la boîte pour rejoindre, avec le lien s&apos;il est donné), history (l&apos;historique du premier enregistrement), settings, about, ou les pairs, le trafic, le débogueur ou le docteur de l&apos;espace courant (peers, traffic, debugger, doctor ; le débogueur sur un pair refusé).</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Wait this long before --screenshot renders (to let sync run).</source>
        <translation>Attendre ce délai avant que --screenshot n&apos;affiche (pour laisser la synchronisation tourner).</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>A pluresdb:// invite link to join.</source>
        <translation>Un lien d’invitation pluresdb:// pour rejoindre un espace.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Cannot open the database: %1</source>
        <translation>Impossible d’ouvrir la base de données&#xa0;: %1</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>the key file needs a passphrase</source>
        <translation>le fichier de clés demande une phrase secrète</translation>
    </message>
</context>
<context>
    <name>pluresdb::keys::EncryptedFileVault</name>
    <message>
        <location filename="../core/keys/EncryptedFileVault.cpp" line="+63"/>
        <source>libsodium failed to initialise.</source>
        <translation>Échec de l’initialisation de libsodium.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The passphrase must have at least %1 characters.</source>
        <translation>La phrase secrète doit comporter au moins %1 caractères.</translation>
    </message>
    <message>
        <location line="+8"/>
        <location line="+15"/>
        <source>Not enough memory to derive the key from the passphrase.</source>
        <translation>Mémoire insuffisante pour dériver la clé de la phrase secrète.</translation>
    </message>
    <message>
        <location line="-7"/>
        <source>Cannot read the key file %1: %2</source>
        <translation>Impossible de lire le fichier de clés %1&#xa0;: %2</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>The passphrase is wrong, or the key file is damaged.</source>
        <translation>La phrase secrète est incorrecte, ou le fichier de clés est endommagé.</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>The key file cannot hold this entry.</source>
        <translation>Le fichier de clés ne peut pas contenir cette entrée.</translation>
    </message>
    <message>
        <location line="+36"/>
        <location line="+6"/>
        <source>Cannot write the key file %1: %2</source>
        <translation>Impossible d’écrire le fichier de clés %1&#xa0;: %2</translation>
    </message>
</context>
<context>
    <name>pluresdb::keys::Invite</name>
    <message>
        <location filename="../core/keys/Invite.cpp" line="+128"/>
        <source>This pluresdb:// link is not an invite (it does not start with pluresdb://join).</source>
        <translation>Ce lien pluresdb:// n’est pas une invitation (il ne commence pas par pluresdb://join).</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The invite link stops before the key: it looks cut off.</source>
        <translation>Le lien d’invitation s’arrête avant la clé&#xa0;: il semble tronqué.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The invite link is malformed (expected &apos;?&apos; after pluresdb://join).</source>
        <translation>Le lien d’invitation est mal formé («&#xa0;?&#xa0;» attendu après pluresdb://join).</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The invite link is malformed (too many parameters).</source>
        <translation>Le lien d’invitation est mal formé (trop de paramètres).</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>The invite link is malformed (parameter &apos;%1&apos; appears twice).</source>
        <translation>Le lien d’invitation est mal formé (le paramètre «&#xa0;%1&#xa0;» apparaît deux fois).</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The invite link is malformed (bad percent-encoding in &apos;%1&apos;).</source>
        <translation>Le lien d’invitation est mal formé (encodage-pourcent incorrect dans «&#xa0;%1&#xa0;»).</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>This invite was made by a newer version of PluresDB (invite version %1). Please update the app.</source>
        <translation>Cette invitation a été créée par une version plus récente de PluresDB (version d’invitation %1). Veuillez mettre à jour l’application.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The invite link has no key: it looks cut off.</source>
        <translation>Le lien d’invitation n’a pas de clé&#xa0;: il semble tronqué.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The key in the invite is wrong. %1</source>
        <translation>La clé de l’invitation est incorrecte. %1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The invite link is malformed (the space name is longer than %1 characters).</source>
        <translation>Le lien d’invitation est mal formé (le nom de l’espace dépasse %1 caractères).</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The invite link is malformed (the space name has control characters).</source>
        <translation>Le lien d’invitation est mal formé (le nom de l’espace contient des caractères de contrôle).</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The invite link has no checksum: it looks cut off.</source>
        <translation>Le lien d’invitation n’a pas de somme de contrôle&#xa0;: il semble tronqué.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The invite link is malformed (the checksum is not hexadecimal).</source>
        <translation>Le lien d’invitation est mal formé (la somme de contrôle n’est pas hexadécimale).</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The invite&apos;s checksum is too short: the link looks cut off.</source>
        <translation>La somme de contrôle de l’invitation est trop courte&#xa0;: le lien semble tronqué.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The invite link is malformed (the checksum is too long).</source>
        <translation>Le lien d’invitation est mal formé (la somme de contrôle est trop longue).</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The invite&apos;s checksum does not match its key and space name: a character was changed or mistyped. Ask for the invite again, or copy it instead of typing it.</source>
        <translation>La somme de contrôle de l’invitation ne correspond pas à sa clé et au nom de l’espace&#xa0;: un caractère a été modifié ou mal saisi. Redemandez l’invitation, ou copiez-la au lieu de la retaper.</translation>
    </message>
    <message>
        <location line="+55"/>
        <source>You are invited to the PluresDB space &quot;%1&quot;. Open this link in PluresDB, or paste this whole message into Join space:
%2</source>
        <translation>Vous êtes invité à l’espace PluresDB «&#xa0;%1&#xa0;». Ouvrez ce lien dans PluresDB, ou collez ce message entier dans Rejoindre un espace&#xa0;:
%2</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The text is too long to be an invite (more than %1 characters).</source>
        <translation>Le texte est trop long pour être une invitation (plus de %1 caractères).</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Paste an invite link or a sync key.</source>
        <translation>Collez un lien d’invitation ou une clé de synchronisation.</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>This is a link, but not a PluresDB invite (those start with pluresdb://).</source>
        <translation>C’est un lien, mais pas une invitation PluresDB (celles-ci commencent par pluresdb://).</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>No PluresDB invite link (pluresdb://join?...) or sync key was found in the text.</source>
        <translation>Aucun lien d’invitation PluresDB (pluresdb://join?...) ni aucune clé de synchronisation n’a été trouvé dans le texte.</translation>
    </message>
</context>
<context>
    <name>pluresdb::keys::KeyStore</name>
    <message>
        <location filename="../core/keys/KeyStore.cpp" line="+43"/>
        <source>Your keys are in the encrypted key file %1, created when no system keychain was available. Enter its passphrase to unlock them.</source>
        <translation>Vos clés se trouvent dans le fichier de clés chiffré %1, créé lorsqu’aucun trousseau du système n’était disponible. Saisissez sa phrase secrète pour les déverrouiller.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>No system keychain could be used. %1
Your keys will be kept in an encrypted file protected by a passphrase that you choose.</source>
        <translation>Aucun trousseau du système n’a pu être utilisé. %1
Vos clés seront conservées dans un fichier chiffré, protégé par une phrase secrète de votre choix.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The system keychain is in use; there is no key file to unlock.</source>
        <translation>Le trousseau du système est utilisé&#xa0;; il n’y a pas de fichier de clés à déverrouiller.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>No data directory is set for the key file.</source>
        <translation>Aucun dossier de données n’est défini pour le fichier de clés.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Cannot create the data directory %1.</source>
        <translation>Impossible de créer le dossier de données %1.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>The encrypted key file is locked: enter its passphrase first.</source>
        <translation>Le fichier de clés chiffré est verrouillé&#xa0;: saisissez d’abord sa phrase secrète.</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>A space id must have 1 to %1 characters.</source>
        <translation>L’identifiant d’un espace doit comporter de 1 à %1 caractères.</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>The stored sync key of space %1 is damaged (%2 bytes).</source>
        <translation>La clé de synchronisation enregistrée de l’espace %1 est endommagée (%2 octets).</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>A device identity seed has %1 bytes, not %2.</source>
        <translation>Une graine d’identité d’appareil fait %1 octets, pas %2.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The stored device identity seed is damaged.</source>
        <translation>La graine d’identité de l’appareil enregistrée est endommagée.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>libsodium failed to initialise.</source>
        <translation>Échec de l’initialisation de libsodium.</translation>
    </message>
</context>
<context>
    <name>pluresdb::keys::Qr</name>
    <message>
        <location filename="../core/keys/QrDecoder.cpp" line="+18"/>
        <source>The picture is empty.</source>
        <translation>L’image est vide.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The picture is too large (%1 x %2 pixels; at most %3 on a side).</source>
        <translation>L’image est trop grande (%1 × %2 pixels&#xa0;; au plus %3 par côté).</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>No QR code was found in the picture.</source>
        <translation>Aucun code QR n’a été trouvé dans l’image.</translation>
    </message>
    <message>
        <location filename="../core/keys/QrEncoder.cpp" line="+21"/>
        <source>Cannot make a QR code of %1 bytes.</source>
        <translation>Impossible de créer un code QR de %1 octets.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>libqrencode failed (errno %1).</source>
        <translation>Échec de libqrencode (errno %1).</translation>
    </message>
</context>
<context>
    <name>pluresdb::keys::SyncKey</name>
    <message>
        <location filename="../core/keys/SyncKey.cpp" line="+25"/>
        <source>The sync key is empty.</source>
        <translation>La clé de synchronisation est vide.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The sync key has a character that is not a hex digit (0-9, a-f) at position %1.</source>
        <translation>La clé de synchronisation contient un caractère qui n’est pas un chiffre hexadécimal (0-9, a-f) à la position %1.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The sync key has %1 characters but needs exactly %2: it looks cut off.</source>
        <translation>La clé de synchronisation a %1 caractères mais en demande exactement %2&#xa0;: elle semble tronquée.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The sync key has %1 characters but needs exactly %2.</source>
        <translation>La clé de synchronisation a %1 caractères mais en demande exactement %2.</translation>
    </message>
</context>
<context>
    <name>pluresdb::keys::SystemKeychain</name>
    <message>
        <location filename="../core/keys/SystemKeychain.cpp" line="+33"/>
        <source>Access to the system keychain was denied: %1</source>
        <translation>L’accès au trousseau du système a été refusé&#xa0;: %1</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The system keychain is not available: %1</source>
        <translation>Le trousseau du système n’est pas disponible&#xa0;: %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The system keychain gave an unknown error: %1</source>
        <translation>Le trousseau du système a renvoyé une erreur inconnue&#xa0;: %1</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>The system keychain needs a running Qt application.</source>
        <translation>Le trousseau du système nécessite une application Qt en cours d’exécution.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The system keychain stopped answering earlier in this session.</source>
        <translation>Le trousseau du système a cessé de répondre plus tôt dans cette session.</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>The system keychain did not answer within %1 ms.</source>
        <translation>Le trousseau du système n’a pas répondu en %1 ms.</translation>
    </message>
</context>
<context>
    <name>pluresdb::keys::VaultFormat</name>
    <message>
        <location filename="../core/keys/VaultFormat.cpp" line="+69"/>
        <source>The key file is too large to be ours.</source>
        <translation>Le fichier de clés est trop volumineux pour provenir de PluresDB.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The key file is not a PluresDB key file, or it is cut short.</source>
        <translation>Ce fichier n’est pas un fichier de clés PluresDB, ou il est tronqué.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The key file was written by a newer version of PluresDB (format %1).</source>
        <translation>Le fichier de clés a été écrit par une version plus récente de PluresDB (format %1).</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The key file uses an unknown key derivation (%1).</source>
        <translation>Le fichier de clés utilise une dérivation de clé inconnue (%1).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The key file header is damaged.</source>
        <translation>L’en-tête du fichier de clés est endommagé.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The key file asks for key derivation costs outside the allowed range.</source>
        <translation>Le fichier de clés demande des coûts de dérivation de clé hors de la plage autorisée.</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>The key file&apos;s contents are damaged.</source>
        <translation>Le contenu du fichier de clés est endommagé.</translation>
    </message>
</context>
<context>
    <name>pluresdb::spaces::SpaceList</name>
    <message>
        <location filename="../core/spaces/SpaceList.cpp" line="+48"/>
        <source>the list of spaces (%1) is damaged: %2</source>
        <translation>la liste des espaces (%1) est endommagée&#xa0;: %2</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>it is too large</source>
        <translation>elle est trop grande</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>not a JSON object</source>
        <translation>ce n’est pas un objet JSON</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>unknown format version</source>
        <translation>version de format inconnue</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>no list of spaces</source>
        <translation>aucune liste d’espaces</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>an entry is incomplete</source>
        <translation>une entrée est incomplète</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>two entries have the same id</source>
        <translation>deux entrées ont le même identifiant</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>cannot read %1: %2</source>
        <translation>impossible de lire %1&#xa0;: %2</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>a space needs a name</source>
        <translation>un espace doit avoir un nom</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>a space name has at most %1 characters</source>
        <translation>le nom d’un espace comporte au plus %1 caractères</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>the sync key is not 64 lowercase hex characters</source>
        <translation>la clé de synchronisation n’est pas formée de 64 caractères hexadécimaux minuscules</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>you are already in this space (&quot;%1&quot;)</source>
        <translation>vous êtes déjà dans cet espace («&#xa0;%1&#xa0;»)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>libsodium failed to initialise.</source>
        <translation>Échec de l’initialisation de libsodium.</translation>
    </message>
    <message>
        <location line="+28"/>
        <location line="+7"/>
        <source>no such space</source>
        <translation>espace inexistant</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>cannot create %1</source>
        <translation>impossible de créer %1</translation>
    </message>
    <message>
        <location line="+10"/>
        <location line="+4"/>
        <source>cannot write %1: %2</source>
        <translation>impossible d’écrire %1&#xa0;: %2</translation>
    </message>
</context>
<context>
    <name>pluresdb::ui::ConnectionDoctor</name>
    <message>
        <location filename="../ui/models/ConnectionDoctor.cpp" line="+12"/>
        <source>Admission failed: the peer speaks the PluresDB 2.x JSON protocol, which cannot prove the space&apos;s key, and 2.x peers are not allowed in this space.</source>
        <translation>Admission refusée : le pair parle le protocole JSON de PluresDB 2.x, qui ne peut pas prouver la clé de l&apos;espace, et les pairs 2.x ne sont pas autorisés dans cet espace.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Upgrade the peer to PluresDB 3, or allow PluresDB 2.x JSON peers in the space&apos;s settings if you trust everyone who can reach this device.</source>
        <translation>Mettez le pair à jour vers PluresDB 3, ou autorisez les pairs JSON PluresDB 2.x dans les paramètres de l&apos;espace si vous faites confiance à tous ceux qui peuvent joindre cet appareil.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Admission failed: the peer speaks another version of the sync protocol.</source>
        <translation>Admission refusée : le pair parle une autre version du protocole de synchronisation.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Update both devices to the same PluresDB version.</source>
        <translation>Mettez les deux appareils à la même version de PluresDB.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Admission failed: the peer does not hold this space&apos;s key (its proof of key possession did not verify). It reached us, but it is in another space or has a wrong key.</source>
        <translation>Admission refusée : le pair ne détient pas la clé de cet espace (sa preuve de possession de la clé n&apos;a pas été vérifiée). Il nous a atteints, mais il est dans un autre espace ou a une mauvaise clé.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Share the space again (Space › Share) and have the peer join with that invite; check that both devices show the same space. Refused peers are not redialled until sync restarts.</source>
        <translation>Partagez à nouveau l&apos;espace (Espace › Partager) et faites rejoindre le pair avec cette invitation ; vérifiez que les deux appareils affichent le même espace. Les pairs refusés ne sont pas rappelés avant le redémarrage de la synchronisation.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Nothing accepts connections at that address: the other device is not running, or does not serve sync on that port.</source>
        <translation>Rien n&apos;accepte de connexions à cette adresse : l&apos;autre appareil ne tourne pas, ou ne sert pas la synchronisation sur ce port.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Start PluresDB on the other device, check the address and port in the network settings, and that it serves the WebSocket mesh.</source>
        <translation>Démarrez PluresDB sur l&apos;autre appareil, vérifiez l&apos;adresse et le port dans les paramètres réseau, et qu&apos;il sert le maillage WebSocket.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The host name could not be resolved.</source>
        <translation>Le nom d&apos;hôte n&apos;a pas pu être résolu.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Check the spelling of the address, or use an IP address.</source>
        <translation>Vérifiez l&apos;orthographe de l&apos;adresse, ou utilisez une adresse IP.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The peer did not answer in time: a firewall may drop the packets, or the address is wrong.</source>
        <translation>Le pair n&apos;a pas répondu à temps : un pare-feu rejette peut-être les paquets, ou l&apos;adresse est erronée.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Check firewalls on both devices and on the network; try the LAN address when both are on the same network.</source>
        <translation>Vérifiez les pare-feu des deux appareils et du réseau ; essayez l&apos;adresse LAN si les deux sont sur le même réseau.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The peer is not announced on the DHT: it is offline, in another space, or uses other bootstrap nodes.</source>
        <translation>Le pair n&apos;est pas annoncé sur la DHT : il est hors ligne, dans un autre espace, ou utilise d&apos;autres nœuds d&apos;amorçage.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Make sure the peer is online with this space open, and that both use the same bootstrap nodes (Settings › Network).</source>
        <translation>Assurez-vous que le pair est en ligne avec cet espace ouvert, et que les deux utilisent les mêmes nœuds d&apos;amorçage (Paramètres › Réseau).</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Holepunching failed: both devices are behind NATs that change ports for every destination (random), so no direct path could be found.</source>
        <translation>Le perçage de NAT a échoué : les deux appareils sont derrière des NAT qui changent de port pour chaque destination (aléatoires), aucun chemin direct n&apos;a donc pu être trouvé.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Use a relay, or put one of the devices on a network with a consistent NAT (most home routers) or with a forwarded port.</source>
        <translation>Utilisez un relais, ou placez l&apos;un des appareils sur un réseau avec un NAT cohérent (la plupart des box) ou avec un port redirigé.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The connection failed: %1</source>
        <translation>La connexion a échoué : %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Check that the other device is online and in the same space; the debugger&apos;s timeline shows the steps before the failure.</source>
        <translation>Vérifiez que l&apos;autre appareil est en ligne et dans le même espace ; la chronologie du débogueur montre les étapes avant l&apos;échec.</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Look up the peer on the DHT</source>
        <translation>Rechercher le pair sur la DHT</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Announce on the DHT</source>
        <translation>Annoncer sur la DHT</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Handshake through a relay node</source>
        <translation>Poignée de main via un nœud relais</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>NAT classes</source>
        <translation>Classes de NAT</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Holepunch round</source>
        <translation>Tour de perçage</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Try the local network</source>
        <translation>Essayer le réseau local</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Connection path</source>
        <translation>Chemin de connexion</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Encrypted channel (Noise handshake)</source>
        <translation>Canal chiffré (poignée de main Noise)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Key proof accepted</source>
        <translation>Preuve de clé acceptée</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Key proof failed</source>
        <translation>Preuve de clé refusée</translation>
    </message>
    <message>
        <location line="+7"/>
        <location line="+2"/>
        <source>In sync (state digests equal)</source>
        <translation>Synchronisé (empreintes d&apos;état égales)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Disconnected</source>
        <translation>Déconnecté</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Error</source>
        <translation>Erreur</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>No connection attempt seen yet.</source>
        <translation>Aucune tentative de connexion vue pour l&apos;instant.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Connected; catching up.</source>
        <translation>Connecté ; rattrapage en cours.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Connected and in sync.</source>
        <translation>Connecté et synchronisé.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Cannot sync with this peer.</source>
        <translation>Impossible de se synchroniser avec ce pair.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Was connected; now disconnected.</source>
        <translation>Était connecté ; maintenant déconnecté.</translation>
    </message>
</context>
<context>
    <name>pluresdb::ui::FieldHistoryModel</name>
    <message>
        <location filename="../ui/models/FieldHistoryModel.cpp" line="+71"/>
        <source>(field deleted)</source>
        <translation>(champ supprimé)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>(record deleted)</source>
        <translation>(enregistrement supprimé)</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>%1 (this device)</source>
        <translation>%1 (cet appareil)</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>concurrent with %1 by %2; %3 won</source>
        <translation>concurrent de %1 par %2 ; %3 l’emporte</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>this write</source>
        <translation>cette écriture</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>%1: %2 by %3 and %4 by %5 were written concurrently; %4 won.</source>
        <translation>%1 : %2 par %3 et %4 par %5 ont été écrits simultanément ; %4 l’emporte.</translation>
    </message>
    <message numerus="yes">
        <location line="+34"/>
        <source>conflict: %n concurrent write(s)</source>
        <translation>
            <numerusform>conflit : %n écriture concurrente</numerusform>
            <numerusform>conflit : %n écritures concurrentes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n write(s)</source>
        <translation>
            <numerusform>%n écriture</numerusform>
            <numerusform>%n écritures</numerusform>
        </translation>
    </message>
    <message>
        <location line="+20"/>
        <source>clock %1</source>
        <translation>horloge %1</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>current</source>
        <translation>actuelle</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>written before history was kept: conflicts unknown</source>
        <translation>écrit avant la tenue de l’historique : conflits inconnus</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Field / value</source>
        <translation>Champ / valeur</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Writer</source>
        <translation>Auteur</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Time</source>
        <translation>Heure</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Notes</source>
        <translation>Remarques</translation>
    </message>
</context>
<context>
    <name>pluresdb::ui::JoinDialog</name>
    <message>
        <location filename="../ui/dialogs/JoinDialog.cpp" line="+23"/>
        <source>Join space</source>
        <translation>Rejoindre un espace</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Paste the invite you received — the whole message, a pluresdb:// link or a sync key — or open a picture of its QR code.</source>
        <translation>Collez l’invitation que vous avez reçue — le message entier, un lien pluresdb:// ou une clé de synchronisation — ou ouvrez une image de son code QR.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>pluresdb://join?…</source>
        <translation>pluresdb://join?…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Open &amp;QR picture…</source>
        <translation>&amp;Ouvrir une image QR…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Paste QR picture</source>
        <translation>C&amp;oller une image QR</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Reads a QR code from a picture on the clipboard (a screenshot, say).</source>
        <translation>Lit un code QR à partir d’une image du presse-papiers (une capture d’écran, par exemple).</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>A name for this space on this device</source>
        <translation>Un nom pour cet espace sur cet appareil</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Space &amp;name:</source>
        <translation>&amp;Nom de l’espace&#xa0;:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Join</source>
        <translation>&amp;Rejoindre</translation>
    </message>
    <message>
        <location line="+63"/>
        <source>Could not read a QR code: %1</source>
        <translation>Impossible de lire un code QR&#xa0;: %1</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Valid invite; its checksum matches.</source>
        <translation>Invitation valide&#xa0;; sa somme de contrôle correspond.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Valid invite to “%1”; its checksum matches.</source>
        <translation>Invitation valide à «&#xa0;%1&#xa0;»&#xa0;; sa somme de contrôle correspond.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A bare sync key: it has the right form, but without an invite link nothing can check it for typos. Give the space a name below.</source>
        <translation>Une clé de synchronisation seule&#xa0;: sa forme est correcte, mais sans lien d’invitation rien ne permet de détecter une faute de frappe. Donnez un nom à l’espace ci-dessous.</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Open QR picture</source>
        <translation>Ouvrir une image QR</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pictures (%1)</source>
        <translation>Images (%1)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>There is no picture on the clipboard.</source>
        <translation>Il n’y a pas d’image dans le presse-papiers.</translation>
    </message>
</context>
<context>
    <name>pluresdb::ui::KeyFileDialog</name>
    <message>
        <location filename="../ui/dialogs/KeyFileDialog.cpp" line="+19"/>
        <source>Protect your keys with a passphrase</source>
        <translation>Protégez vos clés par une phrase secrète</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Unlock your keys</source>
        <translation>Déverrouiller vos clés</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Choose a passphrase of at least %1 characters. Without it the keys cannot be recovered: write it down somewhere safe.</source>
        <translation>Choisissez une phrase secrète d’au moins %1 caractères. Sans elle, les clés ne peuvent pas être récupérées&#xa0;: notez-la en lieu sûr.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Enter the passphrase of the key file.</source>
        <translation>Saisissez la phrase secrète du fichier de clés.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Passphrase:</source>
        <translation>&amp;Phrase secrète&#xa0;:</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Repeat:</source>
        <translation>&amp;Confirmer&#xa0;:</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>&amp;Create key file</source>
        <translation>&amp;Créer le fichier de clés</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>&amp;Unlock</source>
        <translation>&amp;Déverrouiller</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>The passphrase must have at least %1 characters.</source>
        <translation>La phrase secrète doit comporter au moins %1 caractères.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The two passphrases are not the same.</source>
        <translation>Les deux phrases secrètes ne sont pas identiques.</translation>
    </message>
</context>
<context>
    <name>pluresdb::ui::MainWindow</name>
    <message>
        <location filename="../ui/windows/MainWindow.cpp" line="+275"/>
        <source>PluresDB Desktop</source>
        <translation>PluresDB Desktop</translation>
    </message>
    <message>
        <location line="-205"/>
        <source>&lt;h2&gt;No spaces yet&lt;/h2&gt;&lt;p&gt;A space is a set of data shared by everyone who has its key. Create one, or join one with an invite from a colleague.&lt;/p&gt;</source>
        <translation>&lt;h2&gt;Aucun espace pour l’instant&lt;/h2&gt;&lt;p&gt;Un espace est un ensemble de données partagé par tous ceux qui en ont la clé. Créez-en un, ou rejoignez-en un grâce à l’invitation d’un collègue.&lt;/p&gt;</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Create a space…</source>
        <translation>Créer un espace…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Join a space…</source>
        <translation>Rejoindre un espace…</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Keys: encrypted file</source>
        <translation>Clés&#xa0;: fichier chiffré</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Keys: system keychain</source>
        <translation>Clés&#xa0;: trousseau du système</translation>
    </message>
    <message>
        <location line="+67"/>
        <source>&amp;Space</source>
        <translation>&amp;Espace</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Create space…</source>
        <translation>&amp;Créer un espace…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Join space…</source>
        <translation>&amp;Rejoindre un espace…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>S&amp;hare space…</source>
        <translation>&amp;Partager l’espace…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Rename space…</source>
        <translation>Re&amp;nommer l’espace…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Leave space…</source>
        <translation>Q&amp;uitter l’espace…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Se&amp;ttings…</source>
        <translation>&amp;Paramètres…</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+61"/>
        <source>&amp;Quit</source>
        <translation>&amp;Quitter</translation>
    </message>
    <message>
        <location line="-14"/>
        <source>&amp;View</source>
        <translation>&amp;Affichage</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Peers</source>
        <translation>&amp;Pairs</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Traffic</source>
        <translation>&amp;Trafic</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sync &amp;debugger</source>
        <translation>&amp;Débogueur de synchronisation</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Notifications</source>
        <translation>&amp;Notifications</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Notify when peers join or leave and on sync errors</source>
        <translation>Notifier quand des pairs arrivent ou partent et en cas d&apos;erreur de synchronisation</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Record</source>
        <translation>En&amp;registrement</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;New</source>
        <translation>&amp;Nouveau</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Save</source>
        <translation>&amp;Enregistrer</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Delete</source>
        <translation>&amp;Supprimer</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Find</source>
        <translation>Rec&amp;hercher</translation>
    </message>
    <message>
        <location line="+65"/>
        <source>Sync not running</source>
        <translation>Synchronisation arrêtée</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No sync engine is running: changes stay on this device.</source>
        <translation>Aucun moteur de synchronisation actif : les modifications restent sur cet appareil.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>DHT: connecting…</source>
        <translation>DHT : connexion…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Contacting the DHT bootstrap nodes.</source>
        <translation>Contact des nœuds d’amorçage du DHT.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>DHT: online</source>
        <translation>DHT : en ligne</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This device is in the DHT: it can find peers and be found.</source>
        <translation>Cet appareil est dans le DHT : il peut trouver des pairs et être trouvé.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>DHT: offline</source>
        <translation>DHT : hors ligne</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The DHT cannot be reached: check the network and the bootstrap nodes in the settings.</source>
        <translation>Le DHT est injoignable : vérifiez le réseau et les nœuds d’amorçage dans les paramètres.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>sync off for this space</source>
        <translation>synchronisation désactivée pour cet espace</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n peer(s)</source>
        <translation>
            <numerusform>%n pair</numerusform>
            <numerusform>%n pairs</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>in sync</source>
        <translation>synchronisé</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>not in sync yet</source>
        <translation>pas encore synchronisé</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>%1 — sync monitor</source>
        <translation>%1 — moniteur de synchronisation</translation>
    </message>
    <message>
        <location line="+58"/>
        <source>Some saved settings were not valid and were reset: %1</source>
        <translation>Certains paramètres enregistrés n’étaient pas valides et ont été réinitialisés : %1</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Cannot save the settings</source>
        <translation>Impossible d’enregistrer les paramètres</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>this database</source>
        <translation>cette base de données</translation>
    </message>
    <message>
        <location line="+16"/>
        <location line="+45"/>
        <source>Sync: %1</source>
        <translation>Synchronisation : %1</translation>
    </message>
    <message>
        <location line="-45"/>
        <source>Sync with %1: %2</source>
        <translation>Synchronisation avec %1 : %2</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Sync is off for this space: %1</source>
        <translation>Synchronisation désactivée pour cet espace : %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>its key is not in the keychain</source>
        <translation>sa clé n’est pas dans le trousseau</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Sync cannot start: %1</source>
        <translation>La synchronisation ne peut pas démarrer : %1</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Cannot open the space</source>
        <translation>Impossible d’ouvrir l’espace</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>%1: %2</source>
        <translation>%1&#xa0;: %2</translation>
    </message>
    <message>
        <location line="-248"/>
        <source>%1 — PluresDB Desktop</source>
        <translation>%1 — PluresDB Desktop</translation>
    </message>
    <message>
        <location line="+272"/>
        <source>Topic %1…</source>
        <translation>Topic %1…</translation>
    </message>
    <message>
        <location line="-186"/>
        <location line="+211"/>
        <location line="+19"/>
        <location line="+12"/>
        <location line="+35"/>
        <source>spaces are not available in this window</source>
        <translation>les espaces ne sont pas disponibles dans cette fenêtre</translation>
    </message>
    <message>
        <location line="-56"/>
        <source>cannot store the space&apos;s key: %1</source>
        <translation>impossible d’enregistrer la clé de l’espace&#xa0;: %1</translation>
    </message>
    <message>
        <location line="+23"/>
        <location line="+36"/>
        <source>no such space</source>
        <translation>espace inexistant</translation>
    </message>
    <message>
        <location line="-25"/>
        <source>cannot remove the space&apos;s key: %1</source>
        <translation>impossible de supprimer la clé de l’espace&#xa0;: %1</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>the key of &quot;%1&quot; is not in the keychain</source>
        <translation>la clé de «&#xa0;%1&#xa0;» n’est pas dans le trousseau</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Create a space</source>
        <translation>Créer un espace</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Name of the new space:</source>
        <translation>Nom du nouvel espace&#xa0;:</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Cannot create the space</source>
        <translation>Impossible de créer l’espace</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Cannot join the space</source>
        <translation>Impossible de rejoindre l’espace</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Cannot share the space</source>
        <translation>Impossible de partager l’espace</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Rename the space</source>
        <translation>Renommer l’espace</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>New name:</source>
        <translation>Nouveau nom&#xa0;:</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Cannot rename the space</source>
        <translation>Impossible de renommer l’espace</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Leave the space</source>
        <translation>Quitter l’espace</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Leave &quot;%1&quot;? This device forgets the space&apos;s key and stops syncing it. To come back you need a new invite.</source>
        <translation>Quitter «&#xa0;%1&#xa0;»&#xa0;? Cet appareil oublie la clé de l’espace et cesse de le synchroniser. Pour revenir, il vous faudra une nouvelle invitation.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Leave</source>
        <translation>Quitter</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Also delete this space&apos;s data from this device</source>
        <translation>Supprimer aussi les données de cet espace de cet appareil</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Cannot leave the space</source>
        <translation>Impossible de quitter l’espace</translation>
    </message>
    <message>
        <location line="-462"/>
        <source>&amp;Help</source>
        <translation>&amp;Aide</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;About PluresDB Desktop</source>
        <translation>À &amp;propos de PluresDB Desktop</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>About &amp;Qt</source>
        <translation>À propos de &amp;Qt</translation>
    </message>
</context>
<context>
    <name>pluresdb::ui::PeersModel</name>
    <message>
        <location filename="../ui/models/PeersModel.cpp" line="+64"/>
        <source>open</source>
        <translation>ouvert</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>consistent</source>
        <translation>cohérent</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>random</source>
        <translation>aléatoire</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>unknown</source>
        <translation>inconnu</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>PluresDB 2.x JSON</source>
        <translation>PluresDB 2.x JSON</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>WebSocket</source>
        <translation>WebSocket</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>TCP</source>
        <translation>TCP</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Direct</source>
        <translation>Direct</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>LAN</source>
        <translation>Réseau local</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Holepunched</source>
        <translation>Par perçage de NAT</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Holepunched (%1)</source>
        <translation>Par perçage de NAT (%1)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Relayed via %1</source>
        <translation>Relayé via %1</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>a relay</source>
        <translation>un relais</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Swarm</source>
        <translation>Essaim</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Unknown</source>
        <translation>Inconnu</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>S: found through the swarm (Hyperswarm DHT)
W: WebSocket mesh
T: TCP
L: on the local network
H: holepunched through NAT
R: relayed (no direct path)
J: PluresDB 2.x JSON (cannot prove the key)
E: encrypted and authenticated (Noise)
O: outgoing (we dialled)
I: incoming (they dialled)
X: refused: could not prove the space&apos;s key</source>
        <translation>S : trouvé via l&apos;essaim (DHT Hyperswarm)
W : maillage WebSocket
T : TCP
L : sur le réseau local
H : NAT percé
R : relayé (pas de chemin direct)
J : PluresDB 2.x JSON (ne peut pas prouver la clé)
E : chiffré et authentifié (Noise)
O : sortant (nous avons appelé)
I : entrant (ils ont appelé)
X : refusé : n&apos;a pas pu prouver la clé de l&apos;espace</translation>
    </message>
    <message>
        <location line="+56"/>
        <source>Green only when both sides&apos; state digests are equal</source>
        <translation>Vert seulement quand les empreintes d&apos;état des deux côtés sont égales</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>From sending the last batch of ops to its acknowledgement: the network round trip plus the peer&apos;s write (shown once ops have flowed)</source>
        <translation>De l&apos;envoi du dernier lot d&apos;opérations à son acquittement : l&apos;aller-retour réseau plus l&apos;écriture chez le pair (affiché une fois que des opérations ont circulé)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>How long the swarm took to make the connection</source>
        <translation>Le temps qu&apos;a mis l&apos;essaim à établir la connexion</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>%1 / %2</source>
        <translation>%1 / %2</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+2"/>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <location line="+10"/>
        <location line="+2"/>
        <source>%1/s</source>
        <translation>%1/s</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Not connected</source>
        <translation>Non connecté</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Refused</source>
        <translation>Refusé</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+45"/>
        <source>In sync</source>
        <translation>Synchronisé</translation>
    </message>
    <message>
        <location line="-45"/>
        <source>Syncing…</source>
        <translation>Synchronisation…</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Flags</source>
        <translation>Indicateurs</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Peer</source>
        <translation>Pair</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Address</source>
        <translation>Adresse</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Connection</source>
        <translation>Connexion</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>NAT (ours / theirs)</source>
        <translation>NAT (le nôtre / le leur)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>RTT</source>
        <translation>RTT</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Connect time</source>
        <translation>Temps de connexion</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Received</source>
        <translation>Reçu</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Sent</source>
        <translation>Envoyé</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Messages in</source>
        <translation>Messages reçus</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Messages out</source>
        <translation>Messages envoyés</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Rate in</source>
        <translation>Débit entrant</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Rate out</source>
        <translation>Débit sortant</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Connected since</source>
        <translation>Connecté depuis</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Last error</source>
        <translation>Dernière erreur</translation>
    </message>
</context>
<context>
    <name>pluresdb::ui::QrImage</name>
    <message>
        <location filename="../ui/qr/QrImage.cpp" line="+36"/>
        <source>The picture is empty or could not be read.</source>
        <translation>L’image est vide ou n’a pas pu être lue.</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+30"/>
        <source>The picture is too large (%1 x %2 pixels).</source>
        <translation>L’image est trop grande (%1 × %2 pixels).</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Could not read the picture %1: %2</source>
        <translation>Impossible de lire l’image %1&#xa0;: %2</translation>
    </message>
</context>
<context>
    <name>pluresdb::ui::RecordsModel</name>
    <message>
        <location filename="../ui/models/RecordsModel.cpp" line="+51"/>
        <source>Id</source>
        <translation>Identifiant</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Fields</source>
        <translation>Champs</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Data</source>
        <translation>Données</translation>
    </message>
</context>
<context>
    <name>pluresdb::ui::RecordsPanel</name>
    <message>
        <location filename="../ui/windows/RecordsPanel.cpp" line="+148"/>
        <source>Filter by id prefix</source>
        <translation>Filtrer par préfixe d’identifiant</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Record id, e.g. user:1</source>
        <translation>Identifiant de l’enregistrement, p. ex. user:1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{&quot;field&quot;: &quot;value&quot;}</source>
        <translation>{&quot;champ&quot;: &quot;valeur&quot;}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>New</source>
        <translation>Nouveau</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save</source>
        <translation>Enregistrer</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Delete</source>
        <translation>Supprimer</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Id</source>
        <translation>Identifiant</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fields (a JSON object; remove a field to delete it)</source>
        <translation>Champs (un objet JSON&#xa0;; retirez un champ pour le supprimer)</translation>
    </message>
    <message>
        <location line="-24"/>
        <source>Cannot read the database: %1</source>
        <translation>Impossible de lire la base de données&#xa0;: %1</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1 was changed by a peer</source>
        <translation>%1 a été modifié par un pair</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Edit</source>
        <translation>Modifier</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Cannot read the history: %1</source>
        <translation>Impossible de lire l’historique : %1</translation>
    </message>
    <message numerus="yes">
        <location line="+17"/>
        <source>History (%n conflict(s))</source>
        <translation>
            <numerusform>Historique (%n conflit)</numerusform>
            <numerusform>Historique (%n conflits)</numerusform>
        </translation>
    </message>
    <message>
        <location line="+0"/>
        <source>History</source>
        <translation>Historique</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Select a record to see who wrote each field, and when.</source>
        <translation>Sélectionnez un enregistrement pour voir qui a écrit chaque champ, et quand.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1: only the newest writes are shown.</source>
        <translation>%1 : seules les écritures les plus récentes sont affichées.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1: every write of each field, oldest first; concurrent writes are marked, the later clock wins.</source>
        <translation>%1 : toutes les écritures de chaque champ, les plus anciennes d’abord ; les écritures concurrentes sont marquées, l’horloge la plus récente l’emporte.</translation>
    </message>
    <message numerus="yes">
        <location line="+24"/>
        <source>%n record(s)</source>
        <translation>
            <numerusform>%n enregistrement</numerusform>
            <numerusform>%n enregistrements</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n+ records</source>
        <translation>
            <numerusform>%n+ enregistrements</numerusform>
            <numerusform>%n+ enregistrements</numerusform>
        </translation>
    </message>
    <message>
        <location line="+48"/>
        <source>Enter a record id.</source>
        <translation>Saisissez un identifiant d’enregistrement.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Invalid JSON at offset %1: %2</source>
        <translation>JSON invalide à la position %1&#xa0;: %2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The fields must be a JSON object: { ... }</source>
        <translation>Les champs doivent former un objet JSON&#xa0;: { ... }</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Not saved: %1</source>
        <translation>Non enregistré&#xa0;: %1</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Saved %1</source>
        <translation>%1 enregistré</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Not deleted: %1</source>
        <translation>Non supprimé&#xa0;: %1</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Deleted %1</source>
        <translation>%1 supprimé</translation>
    </message>
</context>
<context>
    <name>pluresdb::ui::SettingsDialog</name>
    <message>
        <location filename="../ui/dialogs/SettingsDialog.cpp" line="+116"/>
        <source>Settings</source>
        <translation>Paramètres</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>DHT bootstrap nodes</source>
        <translation>Nœuds d’amorçage du DHT</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Public Hyperswarm DHT (default)</source>
        <translation>DHT Hyperswarm public (par défaut)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Private DHT, these nodes (host:port, one per line):</source>
        <translation>DHT privé, ces nœuds (hôte:port, un par ligne) :</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>node1.example.org:49737</source>
        <translation>node1.example.org:49737</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>WebSocket mesh (where UDP is blocked)</source>
        <translation>Maillage WebSocket (là où UDP est bloqué)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Accept WebSocket peers on port</source>
        <translation>Accepter des pairs WebSocket sur le port</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Connect to (ws:// or wss:// URLs, one per line):</source>
        <translation>Se connecter à (URL ws:// ou wss://, une par ligne) :</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>wss://relay.example.org:8765</source>
        <translation>wss://relay.example.org:8765</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This space: %1</source>
        <translation>Cet espace : %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This space (none selected)</source>
        <translation>Cet espace (aucun sélectionné)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Allow PluresDB 2.x peers (JSON protocol)</source>
        <translation>Autoriser les pairs PluresDB 2.x (protocole JSON)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>They cannot prove that they hold the key: anyone who finds the space&apos;s topic could read and write its data. Turn this on only to sync with devices still on PluresDB 2.x.</source>
        <translation>Ils ne peuvent pas prouver qu’ils détiennent la clé : quiconque trouve le sujet de l’espace pourrait lire et écrire ses données. N’activez ceci que pour synchroniser avec des appareils encore sous PluresDB 2.x.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Language</source>
        <translation>Langue</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>System default</source>
        <translation>Langue du système</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>&quot;%1&quot; is not a bootstrap node: write host:port, e.g. node1.example.org:49737 (a host name or IPv4 address, and a port from 1 to 65535).</source>
        <translation>« %1 » n’est pas un nœud d’amorçage : écrivez hôte:port, par ex. node1.example.org:49737 (un nom d’hôte ou une adresse IPv4, et un port de 1 à 65535).</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&quot;%1&quot; is not a WebSocket address: write ws://host:port or wss://host:port.</source>
        <translation>« %1 » n’est pas une adresse WebSocket : écrivez ws://hôte:port ou wss://hôte:port.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Bootstrap node %1</source>
        <translation>Nœud d’amorçage %1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Enter at least one bootstrap node for a private DHT, or choose the public one.</source>
        <translation>Saisissez au moins un nœud d’amorçage pour un DHT privé, ou choisissez le DHT public.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>WebSocket peer %1</source>
        <translation>Pair WebSocket %1</translation>
    </message>
</context>
<context>
    <name>pluresdb::ui::ShareDialog</name>
    <message>
        <location filename="../ui/dialogs/ShareDialog.cpp" line="+38"/>
        <source>Share space</source>
        <translation>Partager l’espace</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Share “%1”</source>
        <translation>Partager «&#xa0;%1&#xa0;»</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&lt;b&gt;Anyone who has this invite can read and change everything in this space&lt;/b&gt;, and can pass it on. There is no way to take it back short of moving to a new space. Share it only with people you trust, over a private channel.</source>
        <translation>&lt;b&gt;Quiconque possède cette invitation peut lire et modifier tout le contenu de cet espace&lt;/b&gt;, et peut la transmettre. Il est impossible de la révoquer, sauf en passant à un nouvel espace. Ne la partagez qu’avec des personnes de confiance, par un canal privé.</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Scan this code with PluresDB on another device, or save a picture of it.</source>
        <translation>Scannez ce code avec PluresDB sur un autre appareil, ou enregistrez-en une image.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No QR code: %1</source>
        <translation>Pas de code QR&#xa0;: %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Or send this invite as text:</source>
        <translation>Ou envoyez cette invitation sous forme de texte&#xa0;:</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&amp;Copy invite</source>
        <translation>&amp;Copier l’invitation</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Copies the invite, marked as a password so clipboard managers do not keep it, and clears the clipboard after %1 seconds.</source>
        <translation>Copie l’invitation en la marquant comme mot de passe pour que les gestionnaires de presse-papiers ne la conservent pas, et vide le presse-papiers après %1 secondes.</translation>
    </message>
    <message numerus="yes">
        <location line="+32"/>
        <source>Copied. The clipboard will be cleared in %n second(s).</source>
        <translation>
            <numerusform>Copié. Le presse-papiers sera vidé dans %n seconde.</numerusform>
            <numerusform>Copié. Le presse-papiers sera vidé dans %n secondes.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The clipboard was cleared.</source>
        <translation>Le presse-papiers a été vidé.</translation>
    </message>
</context>
<context>
    <name>pluresdb::ui::SyncMonitorWindow</name>
    <message>
        <location filename="../ui/windows/SyncMonitorWindow.cpp" line="+216"/>
        <source>Sync monitor — PluresDB Desktop</source>
        <translation>Moniteur de synchronisation — PluresDB Desktop</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Peers</source>
        <translation>Pairs</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Traffic</source>
        <translation>Trafic</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sync debugger</source>
        <translation>Débogueur de synchronisation</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Traffic of:</source>
        <translation>Trafic de :</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Range:</source>
        <translation>Plage :</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>5 minutes</source>
        <translation>5 minutes</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>1 hour</source>
        <translation>1 heure</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>6 hours</source>
        <translation>6 heures</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>24 hours</source>
        <translation>24 heures</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Peer:</source>
        <translation>Pair :</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Event:</source>
        <translation>Événement :</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Record id:</source>
        <translation>Identifiant d&apos;enregistrement :</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>prefix</source>
        <translation>préfixe</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hash values</source>
        <translation>Hacher les valeurs</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Replace record ids, values and messages by hashes in the exported file, so it can be shared without the data</source>
        <translation>Remplacer les identifiants d&apos;enregistrement, les valeurs et les messages par des hachages dans le fichier exporté, pour pouvoir le partager sans les données</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Export trace…</source>
        <translation>Exporter la trace…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Step</source>
        <translation>Étape</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>After</source>
        <translation>Après</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Detail</source>
        <translation>Détail</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>All events</source>
        <translation>Tous les événements</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ops sent and received</source>
        <translation>Opérations envoyées et reçues</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>Double-click a peer to see its connection doctor. Hover over the flags for what each letter means.</source>
        <translation>Double-cliquez sur un pair pour voir son docteur de connexion. Survolez les indicateurs pour la signification de chaque lettre.</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+225"/>
        <source>Sync is not running for this space.</source>
        <translation>La synchronisation ne tourne pas pour cet espace.</translation>
    </message>
    <message>
        <location line="-216"/>
        <source>%1/s</source>
        <translation>%1/s</translation>
    </message>
    <message>
        <location line="+36"/>
        <location line="+1"/>
        <source>All peers</source>
        <translation>Tous les pairs</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>In this range: received %1 (payload %2, overhead %3), sent %4 (payload %5, overhead %6); DHT %7, holepunch %8</source>
        <translation>Sur cette plage : reçu %1 (charge utile %2, surcoût %3), envoyé %4 (charge utile %5, surcoût %6) ; DHT %7, perçage %8</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>Connection doctor</source>
        <translation>Docteur de connexion</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Connection doctor: %1</source>
        <translation>Docteur de connexion : %1</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>In sync</source>
        <translation>Synchronisé</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Not in sync</source>
        <translation>Non synchronisé</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Green only when both sides&apos; state digests are equal</source>
        <translation>Vert seulement quand les empreintes d&apos;état des deux côtés sont égales</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>&lt;p&gt;&lt;b&gt;Why:&lt;/b&gt; %1&lt;/p&gt;&lt;p&gt;&lt;b&gt;What to try:&lt;/b&gt; %2&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;Pourquoi :&lt;/b&gt; %1&lt;/p&gt;&lt;p&gt;&lt;b&gt;À essayer :&lt;/b&gt; %2&lt;/p&gt;</translation>
    </message>
    <message>
        <location line="+46"/>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Record: %1</source>
        <translation>Enregistrement : %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Op: %1 #%2, clock %3</source>
        <translation>Opération : %1 n°%2, horloge %3</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Fields: %1</source>
        <translation>Champs : %1</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>this device</source>
        <translation>cet appareil</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 (sent it to us)</source>
        <translation>%1 (nous l&apos;a envoyée)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>%1 (we sent it)</source>
        <translation>%1 (nous la lui avons envoyée)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Peers that have it: %1</source>
        <translation>Pairs qui l&apos;ont : %1</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n byte(s) on the wire:</source>
        <translation>
            <numerusform>%n octet sur le fil :</numerusform>
            <numerusform>%n octets sur le fil :</numerusform>
        </translation>
    </message>
    <message>
        <location line="+24"/>
        <location line="+3"/>
        <source>Cannot write %1: %2</source>
        <translation>Impossible d&apos;écrire %1 : %2</translation>
    </message>
    <message>
        <location line="+6"/>
        <location line="+5"/>
        <source>Export trace</source>
        <translation>Exporter la trace</translation>
    </message>
    <message>
        <location line="-5"/>
        <source>JSON lines (*.jsonl)</source>
        <translation>Lignes JSON (*.jsonl)</translation>
    </message>
</context>
<context>
    <name>pluresdb::ui::SyncTray</name>
    <message>
        <location filename="../ui/windows/SyncTray.cpp" line="+32"/>
        <source>Show PluresDB</source>
        <translation>Afficher PluresDB</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Quit</source>
        <translation>Quitter</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Peer joined %1</source>
        <translation>Un pair a rejoint %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 connected (%2)</source>
        <translation>%1 connecté (%2)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Peer left %1</source>
        <translation>Un pair a quitté %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+7"/>
        <source>%1: %2</source>
        <translation>%1 : %2</translation>
    </message>
    <message>
        <location line="-1"/>
        <source>Sync problem in %1</source>
        <translation>Problème de synchronisation dans %1</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>PluresDB: %1</source>
        <translation>PluresDB : %1</translation>
    </message>
</context>
<context>
    <name>pluresdb::ui::TraceModel</name>
    <message>
        <location filename="../ui/models/TraceModel.cpp" line="+47"/>
        <source>connected</source>
        <translation>connecté</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>disconnected</source>
        <translation>déconnecté</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>admission failed</source>
        <translation>admission refusée</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>error</source>
        <translation>erreur</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>in sync</source>
        <translation>synchronisé</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>op sent</source>
        <translation>opération envoyée</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>op received</source>
        <translation>opération reçue</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+2"/>
        <source>DHT lookup</source>
        <translation>recherche DHT</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>DHT announce</source>
        <translation>annonce DHT</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>handshake</source>
        <translation>poignée de main</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>NAT classes</source>
        <translation>Classes de NAT</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>punch round</source>
        <translation>tour de perçage</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>LAN ping</source>
        <translation>ping LAN</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>path</source>
        <translation>chemin</translation>
    </message>
    <message>
        <location line="+55"/>
        <source>Time</source>
        <translation>Heure</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Peer</source>
        <translation>Pair</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Event</source>
        <translation>Événement</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Record</source>
        <translation>Enregistrement</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Fields</source>
        <translation>Champs</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Clock</source>
        <translation>Horloge</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Bytes</source>
        <translation>Octets</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Detail</source>
        <translation>Détail</translation>
    </message>
</context>
<context>
    <name>pluresdb::ui::TraceTimeline</name>
    <message>
        <location filename="../ui/widgets/TraceTimeline.cpp" line="+76"/>
        <source>No events yet</source>
        <translation>Pas encore d&apos;événements</translation>
    </message>
</context>
<context>
    <name>pluresdb::ui::TrafficGraph</name>
    <message>
        <location filename="../ui/widgets/TrafficGraph.cpp" line="+52"/>
        <source>Sync payload in</source>
        <translation>Charge utile reçue</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Sync payload out</source>
        <translation>Charge utile envoyée</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Protocol overhead in</source>
        <translation>Surcoût protocole reçu</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Protocol overhead out</source>
        <translation>Surcoût protocole envoyé</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>DHT in</source>
        <translation>DHT reçu</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>DHT out</source>
        <translation>DHT envoyé</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Holepunch in</source>
        <translation>Perçage reçu</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Holepunch out</source>
        <translation>Perçage envoyé</translation>
    </message>
    <message>
        <location line="+27"/>
        <location line="+1"/>
        <location line="+33"/>
        <location line="+29"/>
        <source>%1/s</source>
        <translation>%1/s</translation>
    </message>
</context>
</TS>
