<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>AboutBox</name>
    <message>
        <location filename="../ui/dialogs/AboutBox.cpp" line="+15"/>
        <source>Local-first data that syncs peer to peer, with no server, over Hyperswarm.</source>
        <translation>本地优先的数据，通过 Hyperswarm 点对点同步，无需服务器。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Built with Qt %1; running on Qt %2.</source>
        <translation>使用 Qt %1 构建；运行于 Qt %2。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>About %1</source>
        <translation>关于 %1</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <location filename="../app/desktop/main.cpp" line="+54"/>
        <source>PluresDB: local-first data that syncs peer to peer.</source>
        <translation>PluresDB：本地优先、点对点同步的数据。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The data directory (spaces and their databases).</source>
        <translation>数据目录（空间及其数据库）。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Open this one database directory, without spaces.</source>
        <translation>只打开这一个数据库目录，不使用空间。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Render the main window to a PNG file and exit.</source>
        <translation>将主窗口渲染为 PNG 文件后退出。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>What --screenshot renders: main, share (the current space&apos;s share dialog), join (the join dialog, with the link if one is given), history (the first record&apos;s history), settings, about, or the current space&apos;s peers, traffic, debugger or doctor (the debugger on a refused peer).</source>
        <translation>--screenshot 渲染的内容：main、share（当前空间的分享对话框）、join（加入对话框，如给出链接则带上链接）、history（第一条记录的历史）、settings、about，或当前空间的对等节点、流量、调试器或诊断（peers、traffic、debugger、doctor；调试器显示被拒绝的对等节点）。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Wait this long before --screenshot renders (to let sync run).</source>
        <translation>在 --screenshot 渲染前等待这么久（让同步先运行）。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>A pluresdb:// invite link to join.</source>
        <translation>要加入的 pluresdb:// 邀请链接。</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Cannot open the database: %1</source>
        <translation>无法打开数据库：%1</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>the key file needs a passphrase</source>
        <translation>密钥文件需要密码短语</translation>
    </message>
</context>
<context>
    <name>pluresdb::keys::EncryptedFileVault</name>
    <message>
        <location filename="../core/keys/EncryptedFileVault.cpp" line="+63"/>
        <source>libsodium failed to initialise.</source>
        <translation>libsodium 初始化失败。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The passphrase must have at least %1 characters.</source>
        <translation>密码短语至少需要 %1 个字符。</translation>
    </message>
    <message>
        <location line="+8"/>
        <location line="+15"/>
        <source>Not enough memory to derive the key from the passphrase.</source>
        <translation>内存不足，无法从密码短语派生密钥。</translation>
    </message>
    <message>
        <location line="-7"/>
        <source>Cannot read the key file %1: %2</source>
        <translation>无法读取密钥文件 %1：%2</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>The passphrase is wrong, or the key file is damaged.</source>
        <translation>密码短语错误，或密钥文件已损坏。</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>The key file cannot hold this entry.</source>
        <translation>密钥文件无法容纳此条目。</translation>
    </message>
    <message>
        <location line="+36"/>
        <location line="+6"/>
        <source>Cannot write the key file %1: %2</source>
        <translation>无法写入密钥文件 %1：%2</translation>
    </message>
</context>
<context>
    <name>pluresdb::keys::Invite</name>
    <message>
        <location filename="../core/keys/Invite.cpp" line="+128"/>
        <source>This pluresdb:// link is not an invite (it does not start with pluresdb://join).</source>
        <translation>此 pluresdb:// 链接不是邀请（它不以 pluresdb://join 开头）。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The invite link stops before the key: it looks cut off.</source>
        <translation>邀请链接在密钥之前就结束了：它似乎被截断了。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The invite link is malformed (expected &apos;?&apos; after pluresdb://join).</source>
        <translation>邀请链接格式错误（pluresdb://join 之后应为“?”）。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The invite link is malformed (too many parameters).</source>
        <translation>邀请链接格式错误（参数过多）。</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>The invite link is malformed (parameter &apos;%1&apos; appears twice).</source>
        <translation>邀请链接格式错误（参数“%1”出现了两次）。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The invite link is malformed (bad percent-encoding in &apos;%1&apos;).</source>
        <translation>邀请链接格式错误（“%1”中的百分号编码有误）。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>This invite was made by a newer version of PluresDB (invite version %1). Please update the app.</source>
        <translation>此邀请由更新版本的 PluresDB 创建（邀请版本 %1）。请更新应用。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The invite link has no key: it looks cut off.</source>
        <translation>邀请链接中没有密钥：它似乎被截断了。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The key in the invite is wrong. %1</source>
        <translation>邀请中的密钥有误。%1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The invite link is malformed (the space name is longer than %1 characters).</source>
        <translation>邀请链接格式错误（空间名称超过 %1 个字符）。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The invite link is malformed (the space name has control characters).</source>
        <translation>邀请链接格式错误（空间名称包含控制字符）。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The invite link has no checksum: it looks cut off.</source>
        <translation>邀请链接中没有校验和：它似乎被截断了。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The invite link is malformed (the checksum is not hexadecimal).</source>
        <translation>邀请链接格式错误（校验和不是十六进制）。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The invite&apos;s checksum is too short: the link looks cut off.</source>
        <translation>邀请的校验和太短：链接似乎被截断了。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The invite link is malformed (the checksum is too long).</source>
        <translation>邀请链接格式错误（校验和太长）。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The invite&apos;s checksum does not match its key and space name: a character was changed or mistyped. Ask for the invite again, or copy it instead of typing it.</source>
        <translation>邀请的校验和与其密钥和空间名称不符：有字符被改动或输错。请重新索取邀请，或者复制邀请而不要手动输入。</translation>
    </message>
    <message>
        <location line="+55"/>
        <source>You are invited to the PluresDB space &quot;%1&quot;. Open this link in PluresDB, or paste this whole message into Join space:
%2</source>
        <translation>您受邀加入 PluresDB 空间“%1”。请在 PluresDB 中打开此链接，或将整条消息粘贴到“加入空间”中：
%2</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The text is too long to be an invite (more than %1 characters).</source>
        <translation>文本太长，不可能是邀请（超过 %1 个字符）。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Paste an invite link or a sync key.</source>
        <translation>请粘贴邀请链接或同步密钥。</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>This is a link, but not a PluresDB invite (those start with pluresdb://).</source>
        <translation>这是一个链接，但不是 PluresDB 邀请（PluresDB 邀请以 pluresdb:// 开头）。</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>No PluresDB invite link (pluresdb://join?...) or sync key was found in the text.</source>
        <translation>文本中未找到 PluresDB 邀请链接（pluresdb://join?...）或同步密钥。</translation>
    </message>
</context>
<context>
    <name>pluresdb::keys::KeyStore</name>
    <message>
        <location filename="../core/keys/KeyStore.cpp" line="+43"/>
        <source>Your keys are in the encrypted key file %1, created when no system keychain was available. Enter its passphrase to unlock them.</source>
        <translation>您的密钥保存在加密的密钥文件 %1 中，该文件是在没有可用的系统钥匙串时创建的。请输入其密码短语以解锁密钥。</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>No system keychain could be used. %1
Your keys will be kept in an encrypted file protected by a passphrase that you choose.</source>
        <translation>无法使用任何系统钥匙串。%1
您的密钥将保存在一个加密文件中，由您选择的密码短语保护。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The system keychain is in use; there is no key file to unlock.</source>
        <translation>正在使用系统钥匙串；没有需要解锁的密钥文件。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>No data directory is set for the key file.</source>
        <translation>尚未为密钥文件设置数据目录。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Cannot create the data directory %1.</source>
        <translation>无法创建数据目录 %1。</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>The encrypted key file is locked: enter its passphrase first.</source>
        <translation>加密的密钥文件已锁定：请先输入其密码短语。</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>A space id must have 1 to %1 characters.</source>
        <translation>空间 ID 必须为 1 到 %1 个字符。</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>The stored sync key of space %1 is damaged (%2 bytes).</source>
        <translation>空间 %1 已保存的同步密钥已损坏（%2 字节）。</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>A device identity seed has %1 bytes, not %2.</source>
        <translation>设备身份种子为 %1 字节，而不是 %2 字节。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The stored device identity seed is damaged.</source>
        <translation>已保存的设备身份种子已损坏。</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>libsodium failed to initialise.</source>
        <translation>libsodium 初始化失败。</translation>
    </message>
</context>
<context>
    <name>pluresdb::keys::Qr</name>
    <message>
        <location filename="../core/keys/QrDecoder.cpp" line="+18"/>
        <source>The picture is empty.</source>
        <translation>图片为空。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The picture is too large (%1 x %2 pixels; at most %3 on a side).</source>
        <translation>图片太大（%1 × %2 像素；每边最多 %3 像素）。</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>No QR code was found in the picture.</source>
        <translation>图片中未找到二维码。</translation>
    </message>
    <message>
        <location filename="../core/keys/QrEncoder.cpp" line="+21"/>
        <source>Cannot make a QR code of %1 bytes.</source>
        <translation>无法为 %1 字节的数据生成二维码。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>libqrencode failed (errno %1).</source>
        <translation>libqrencode 失败（errno %1）。</translation>
    </message>
</context>
<context>
    <name>pluresdb::keys::SyncKey</name>
    <message>
        <location filename="../core/keys/SyncKey.cpp" line="+25"/>
        <source>The sync key is empty.</source>
        <translation>同步密钥为空。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The sync key has a character that is not a hex digit (0-9, a-f) at position %1.</source>
        <translation>同步密钥第 %1 位的字符不是十六进制数字（0-9、a-f）。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The sync key has %1 characters but needs exactly %2: it looks cut off.</source>
        <translation>同步密钥有 %1 个字符，但必须恰好为 %2 个：它似乎被截断了。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The sync key has %1 characters but needs exactly %2.</source>
        <translation>同步密钥有 %1 个字符，但必须恰好为 %2 个。</translation>
    </message>
</context>
<context>
    <name>pluresdb::keys::SystemKeychain</name>
    <message>
        <location filename="../core/keys/SystemKeychain.cpp" line="+33"/>
        <source>Access to the system keychain was denied: %1</source>
        <translation>访问系统钥匙串被拒绝：%1</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The system keychain is not available: %1</source>
        <translation>系统钥匙串不可用：%1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The system keychain gave an unknown error: %1</source>
        <translation>系统钥匙串返回了未知错误：%1</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>The system keychain needs a running Qt application.</source>
        <translation>系统钥匙串需要一个正在运行的 Qt 应用程序。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The system keychain stopped answering earlier in this session.</source>
        <translation>系统钥匙串在本次会话中早些时候已停止响应。</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>The system keychain did not answer within %1 ms.</source>
        <translation>系统钥匙串在 %1 毫秒内没有响应。</translation>
    </message>
</context>
<context>
    <name>pluresdb::keys::VaultFormat</name>
    <message>
        <location filename="../core/keys/VaultFormat.cpp" line="+69"/>
        <source>The key file is too large to be ours.</source>
        <translation>密钥文件太大，不可能是本应用的文件。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The key file is not a PluresDB key file, or it is cut short.</source>
        <translation>该文件不是 PluresDB 密钥文件，或者它不完整。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The key file was written by a newer version of PluresDB (format %1).</source>
        <translation>密钥文件由更新版本的 PluresDB 写入（格式 %1）。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The key file uses an unknown key derivation (%1).</source>
        <translation>密钥文件使用了未知的密钥派生方法（%1）。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The key file header is damaged.</source>
        <translation>密钥文件头已损坏。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The key file asks for key derivation costs outside the allowed range.</source>
        <translation>密钥文件要求的密钥派生开销超出了允许的范围。</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>The key file&apos;s contents are damaged.</source>
        <translation>密钥文件的内容已损坏。</translation>
    </message>
</context>
<context>
    <name>pluresdb::spaces::SpaceList</name>
    <message>
        <location filename="../core/spaces/SpaceList.cpp" line="+48"/>
        <source>the list of spaces (%1) is damaged: %2</source>
        <translation>空间列表（%1）已损坏：%2</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>it is too large</source>
        <translation>文件太大</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>not a JSON object</source>
        <translation>不是 JSON 对象</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>unknown format version</source>
        <translation>未知的格式版本</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>no list of spaces</source>
        <translation>没有空间列表</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>an entry is incomplete</source>
        <translation>有条目不完整</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>two entries have the same id</source>
        <translation>有两个条目的 ID 相同</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>cannot read %1: %2</source>
        <translation>无法读取 %1：%2</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>a space needs a name</source>
        <translation>空间需要一个名称</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>a space name has at most %1 characters</source>
        <translation>空间名称最多 %1 个字符</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>the sync key is not 64 lowercase hex characters</source>
        <translation>同步密钥不是 64 个小写十六进制字符</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>you are already in this space (&quot;%1&quot;)</source>
        <translation>您已在此空间中（“%1”）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>libsodium failed to initialise.</source>
        <translation>libsodium 初始化失败。</translation>
    </message>
    <message>
        <location line="+28"/>
        <location line="+7"/>
        <source>no such space</source>
        <translation>没有这个空间</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>cannot create %1</source>
        <translation>无法创建 %1</translation>
    </message>
    <message>
        <location line="+10"/>
        <location line="+4"/>
        <source>cannot write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
</context>
<context>
    <name>pluresdb::ui::ConnectionDoctor</name>
    <message>
        <location filename="../ui/models/ConnectionDoctor.cpp" line="+12"/>
        <source>Admission failed: the peer speaks the PluresDB 2.x JSON protocol, which cannot prove the space&apos;s key, and 2.x peers are not allowed in this space.</source>
        <translation>准入失败：该对等节点使用 PluresDB 2.x JSON 协议，无法证明持有空间密钥，而此空间不允许 2.x 对等节点。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Upgrade the peer to PluresDB 3, or allow PluresDB 2.x JSON peers in the space&apos;s settings if you trust everyone who can reach this device.</source>
        <translation>将对等节点升级到 PluresDB 3；如果您信任所有能访问此设备的人，也可在空间设置中允许 PluresDB 2.x JSON 对等节点。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Admission failed: the peer speaks another version of the sync protocol.</source>
        <translation>准入失败：该对等节点使用另一个版本的同步协议。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Update both devices to the same PluresDB version.</source>
        <translation>将两台设备更新到相同的 PluresDB 版本。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Admission failed: the peer does not hold this space&apos;s key (its proof of key possession did not verify). It reached us, but it is in another space or has a wrong key.</source>
        <translation>准入失败：该对等节点不持有此空间的密钥（其密钥持有证明未通过验证）。它已连接到我们，但属于另一个空间或使用了错误的密钥。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Share the space again (Space › Share) and have the peer join with that invite; check that both devices show the same space. Refused peers are not redialled until sync restarts.</source>
        <translation>重新共享该空间（空间 › 共享），让对等节点用该邀请加入；确认两台设备显示的是同一个空间。被拒绝的对等节点在同步重启前不会被重新拨号。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Nothing accepts connections at that address: the other device is not running, or does not serve sync on that port.</source>
        <translation>该地址上没有任何程序接受连接：另一台设备未运行，或未在该端口提供同步服务。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Start PluresDB on the other device, check the address and port in the network settings, and that it serves the WebSocket mesh.</source>
        <translation>在另一台设备上启动 PluresDB，检查网络设置中的地址和端口，并确认它提供 WebSocket 网状网络服务。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The host name could not be resolved.</source>
        <translation>无法解析主机名。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Check the spelling of the address, or use an IP address.</source>
        <translation>检查地址拼写，或改用 IP 地址。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The peer did not answer in time: a firewall may drop the packets, or the address is wrong.</source>
        <translation>对等节点未及时应答：可能有防火墙丢弃了数据包，或地址错误。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Check firewalls on both devices and on the network; try the LAN address when both are on the same network.</source>
        <translation>检查两台设备及网络上的防火墙；如果两者在同一网络中，请尝试局域网地址。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The peer is not announced on the DHT: it is offline, in another space, or uses other bootstrap nodes.</source>
        <translation>该对等节点未在 DHT 上公告：它离线、属于另一个空间，或使用了其他引导节点。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Make sure the peer is online with this space open, and that both use the same bootstrap nodes (Settings › Network).</source>
        <translation>确认对等节点在线并打开了此空间，且双方使用相同的引导节点（设置 › 网络）。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Holepunching failed: both devices are behind NATs that change ports for every destination (random), so no direct path could be found.</source>
        <translation>打洞失败：两台设备都位于对每个目标更换端口的 NAT（随机型）之后，因此找不到直接路径。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Use a relay, or put one of the devices on a network with a consistent NAT (most home routers) or with a forwarded port.</source>
        <translation>使用中继，或将其中一台设备放在具有一致型 NAT（大多数家用路由器）或端口转发的网络中。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The connection failed: %1</source>
        <translation>连接失败：%1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Check that the other device is online and in the same space; the debugger&apos;s timeline shows the steps before the failure.</source>
        <translation>检查另一台设备是否在线且在同一空间；调试器的时间线显示了失败前的步骤。</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Look up the peer on the DHT</source>
        <translation>在 DHT 上查找对等节点</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Announce on the DHT</source>
        <translation>在 DHT 上公告</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Handshake through a relay node</source>
        <translation>通过中继节点握手</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>NAT classes</source>
        <translation>NAT 类型</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Holepunch round</source>
        <translation>打洞轮次</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Try the local network</source>
        <translation>尝试局域网</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Connection path</source>
        <translation>连接路径</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Encrypted channel (Noise handshake)</source>
        <translation>加密通道（Noise 握手）</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Key proof accepted</source>
        <translation>密钥证明已接受</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Key proof failed</source>
        <translation>密钥证明失败</translation>
    </message>
    <message>
        <location line="+7"/>
        <location line="+2"/>
        <source>In sync (state digests equal)</source>
        <translation>已同步（状态摘要相同）</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Disconnected</source>
        <translation>已断开</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Error</source>
        <translation>错误</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>No connection attempt seen yet.</source>
        <translation>尚未看到连接尝试。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Connected; catching up.</source>
        <translation>已连接；正在追赶。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Connected and in sync.</source>
        <translation>已连接且已同步。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Cannot sync with this peer.</source>
        <translation>无法与此对等节点同步。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Was connected; now disconnected.</source>
        <translation>曾连接；现已断开。</translation>
    </message>
</context>
<context>
    <name>pluresdb::ui::FieldHistoryModel</name>
    <message>
        <location filename="../ui/models/FieldHistoryModel.cpp" line="+71"/>
        <source>(field deleted)</source>
        <translation>（字段已删除）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>(record deleted)</source>
        <translation>（记录已删除）</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>%1 (this device)</source>
        <translation>%1（本设备）</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>concurrent with %1 by %2; %3 won</source>
        <translation>与 %2 写入的 %1 并发；%3 胜出</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>this write</source>
        <translation>本次写入</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>%1: %2 by %3 and %4 by %5 were written concurrently; %4 won.</source>
        <translation>%1：%3 写入的 %2 与 %5 写入的 %4 为并发写入；%4 胜出。</translation>
    </message>
    <message numerus="yes">
        <location line="+34"/>
        <source>conflict: %n concurrent write(s)</source>
        <translation>
            <numerusform>冲突：%n 个并发写入</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n write(s)</source>
        <translation>
            <numerusform>%n 次写入</numerusform>
        </translation>
    </message>
    <message>
        <location line="+20"/>
        <source>clock %1</source>
        <translation>时钟 %1</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>current</source>
        <translation>当前值</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>written before history was kept: conflicts unknown</source>
        <translation>写于开始记录历史之前：冲突未知</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Field / value</source>
        <translation>字段 / 值</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Writer</source>
        <translation>写入者</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
</context>
<context>
    <name>pluresdb::ui::JoinDialog</name>
    <message>
        <location filename="../ui/dialogs/JoinDialog.cpp" line="+23"/>
        <source>Join space</source>
        <translation>加入空间</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Paste the invite you received — the whole message, a pluresdb:// link or a sync key — or open a picture of its QR code.</source>
        <translation>粘贴您收到的邀请——整条消息、pluresdb:// 链接或同步密钥均可——或打开其二维码的图片。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>pluresdb://join?…</source>
        <translation>pluresdb://join?…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Open &amp;QR picture…</source>
        <translation>打开二维码图片(&amp;Q)…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Paste QR picture</source>
        <translation>粘贴二维码图片(&amp;P)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Reads a QR code from a picture on the clipboard (a screenshot, say).</source>
        <translation>从剪贴板中的图片（例如截图）读取二维码。</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>A name for this space on this device</source>
        <translation>此空间在本设备上的名称</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Space &amp;name:</source>
        <translation>空间名称(&amp;N)：</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Join</source>
        <translation>加入(&amp;J)</translation>
    </message>
    <message>
        <location line="+63"/>
        <source>Could not read a QR code: %1</source>
        <translation>无法读取二维码：%1</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Valid invite; its checksum matches.</source>
        <translation>邀请有效；校验和匹配。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Valid invite to “%1”; its checksum matches.</source>
        <translation>加入“%1”的邀请有效；校验和匹配。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A bare sync key: it has the right form, but without an invite link nothing can check it for typos. Give the space a name below.</source>
        <translation>这是一个单独的同步密钥：格式正确，但没有邀请链接就无法检查是否有输入错误。请在下方为空间命名。</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Open QR picture</source>
        <translation>打开二维码图片</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pictures (%1)</source>
        <translation>图片 (%1)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>There is no picture on the clipboard.</source>
        <translation>剪贴板中没有图片。</translation>
    </message>
</context>
<context>
    <name>pluresdb::ui::KeyFileDialog</name>
    <message>
        <location filename="../ui/dialogs/KeyFileDialog.cpp" line="+19"/>
        <source>Protect your keys with a passphrase</source>
        <translation>用密码短语保护您的密钥</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Unlock your keys</source>
        <translation>解锁您的密钥</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Choose a passphrase of at least %1 characters. Without it the keys cannot be recovered: write it down somewhere safe.</source>
        <translation>请选择一个至少 %1 个字符的密码短语。没有它将无法恢复密钥：请把它记在安全的地方。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Enter the passphrase of the key file.</source>
        <translation>请输入密钥文件的密码短语。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Passphrase:</source>
        <translation>密码短语(&amp;P)：</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Repeat:</source>
        <translation>再次输入(&amp;R)：</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>&amp;Create key file</source>
        <translation>创建密钥文件(&amp;C)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>&amp;Unlock</source>
        <translation>解锁(&amp;U)</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>The passphrase must have at least %1 characters.</source>
        <translation>密码短语至少需要 %1 个字符。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The two passphrases are not the same.</source>
        <translation>两次输入的密码短语不一致。</translation>
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
        <translation>&lt;h2&gt;还没有空间&lt;/h2&gt;&lt;p&gt;空间是一组数据，由所有持有其密钥的人共享。您可以创建一个空间，或使用同事发来的邀请加入一个空间。&lt;/p&gt;</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Create a space…</source>
        <translation>创建空间…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Join a space…</source>
        <translation>加入空间…</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Keys: encrypted file</source>
        <translation>密钥：加密文件</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Keys: system keychain</source>
        <translation>密钥：系统钥匙串</translation>
    </message>
    <message>
        <location line="+67"/>
        <source>&amp;Space</source>
        <translation>空间(&amp;S)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Create space…</source>
        <translation>创建空间(&amp;C)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Join space…</source>
        <translation>加入空间(&amp;J)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>S&amp;hare space…</source>
        <translation>分享空间(&amp;H)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Rename space…</source>
        <translation>重命名空间(&amp;R)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Leave space…</source>
        <translation>离开空间(&amp;L)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Se&amp;ttings…</source>
        <translation>设置(&amp;T)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+61"/>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <location line="-14"/>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Peers</source>
        <translation>对等节点(&amp;P)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Traffic</source>
        <translation>流量(&amp;T)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sync &amp;debugger</source>
        <translation>同步调试器(&amp;D)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Notifications</source>
        <translation>通知(&amp;N)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Notify when peers join or leave and on sync errors</source>
        <translation>在对等节点加入或离开以及同步出错时通知</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Record</source>
        <translation>记录(&amp;R)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;New</source>
        <translation>新建(&amp;N)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Save</source>
        <translation>保存(&amp;S)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Delete</source>
        <translation>删除(&amp;D)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Find</source>
        <translation>查找(&amp;F)</translation>
    </message>
    <message>
        <location line="+65"/>
        <source>Sync not running</source>
        <translation>同步未运行</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No sync engine is running: changes stay on this device.</source>
        <translation>同步引擎未运行：更改只保存在本设备上。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>DHT: connecting…</source>
        <translation>DHT：正在连接…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Contacting the DHT bootstrap nodes.</source>
        <translation>正在联系 DHT 引导节点。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>DHT: online</source>
        <translation>DHT：在线</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This device is in the DHT: it can find peers and be found.</source>
        <translation>本设备已加入 DHT：可以发现对等节点，也可以被发现。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>DHT: offline</source>
        <translation>DHT：离线</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The DHT cannot be reached: check the network and the bootstrap nodes in the settings.</source>
        <translation>无法连接 DHT：请检查网络和设置中的引导节点。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>sync off for this space</source>
        <translation>此空间未开启同步</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n peer(s)</source>
        <translation>
            <numerusform>%n 个对等节点</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>in sync</source>
        <translation>已同步</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>not in sync yet</source>
        <translation>尚未同步</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>%1 — sync monitor</source>
        <translation>%1 — 同步监视器</translation>
    </message>
    <message>
        <location line="+58"/>
        <source>Some saved settings were not valid and were reset: %1</source>
        <translation>部分已保存的设置无效，已重置：%1</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Cannot save the settings</source>
        <translation>无法保存设置</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>this database</source>
        <translation>此数据库</translation>
    </message>
    <message>
        <location line="+16"/>
        <location line="+45"/>
        <source>Sync: %1</source>
        <translation>同步：%1</translation>
    </message>
    <message>
        <location line="-45"/>
        <source>Sync with %1: %2</source>
        <translation>与 %1 同步：%2</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Sync is off for this space: %1</source>
        <translation>此空间的同步已关闭：%1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>its key is not in the keychain</source>
        <translation>其密钥不在钥匙串中</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Sync cannot start: %1</source>
        <translation>同步无法启动：%1</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Cannot open the space</source>
        <translation>无法打开空间</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <location line="-248"/>
        <source>%1 — PluresDB Desktop</source>
        <translation>%1 — PluresDB Desktop</translation>
    </message>
    <message>
        <location line="+272"/>
        <source>Topic %1…</source>
        <translation>主题 %1…</translation>
    </message>
    <message>
        <location line="-186"/>
        <location line="+211"/>
        <location line="+19"/>
        <location line="+12"/>
        <location line="+35"/>
        <source>spaces are not available in this window</source>
        <translation>此窗口中无法使用空间</translation>
    </message>
    <message>
        <location line="-56"/>
        <source>cannot store the space&apos;s key: %1</source>
        <translation>无法保存空间的密钥：%1</translation>
    </message>
    <message>
        <location line="+23"/>
        <location line="+36"/>
        <source>no such space</source>
        <translation>没有这个空间</translation>
    </message>
    <message>
        <location line="-25"/>
        <source>cannot remove the space&apos;s key: %1</source>
        <translation>无法删除空间的密钥：%1</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>the key of &quot;%1&quot; is not in the keychain</source>
        <translation>“%1”的密钥不在钥匙串中</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Create a space</source>
        <translation>创建空间</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Name of the new space:</source>
        <translation>新空间的名称：</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Cannot create the space</source>
        <translation>无法创建空间</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Cannot join the space</source>
        <translation>无法加入空间</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Cannot share the space</source>
        <translation>无法分享空间</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Rename the space</source>
        <translation>重命名空间</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>New name:</source>
        <translation>新名称：</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Cannot rename the space</source>
        <translation>无法重命名空间</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Leave the space</source>
        <translation>离开空间</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Leave &quot;%1&quot;? This device forgets the space&apos;s key and stops syncing it. To come back you need a new invite.</source>
        <translation>要离开“%1”吗？本设备将忘记该空间的密钥并停止同步。若要重新加入，您需要一个新的邀请。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Leave</source>
        <translation>离开</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Also delete this space&apos;s data from this device</source>
        <translation>同时从本设备删除此空间的数据</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Cannot leave the space</source>
        <translation>无法离开空间</translation>
    </message>
    <message>
        <location line="-462"/>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;About PluresDB Desktop</source>
        <translation>关于 PluresDB Desktop(&amp;A)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>About &amp;Qt</source>
        <translation>关于 Qt(&amp;Q)</translation>
    </message>
</context>
<context>
    <name>pluresdb::ui::PeersModel</name>
    <message>
        <location filename="../ui/models/PeersModel.cpp" line="+64"/>
        <source>open</source>
        <translation>开放</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>consistent</source>
        <translation>一致型</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>random</source>
        <translation>随机型</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>unknown</source>
        <translation>未知</translation>
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
        <translation>直连</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>LAN</source>
        <translation>局域网</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Holepunched</source>
        <translation>打洞连接</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Holepunched (%1)</source>
        <translation>打洞连接（%1）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Relayed via %1</source>
        <translation>经由 %1 中继</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>a relay</source>
        <translation>中继</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Swarm</source>
        <translation>蜂群</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Unknown</source>
        <translation>未知</translation>
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
        <translation>S：通过蜂群发现（Hyperswarm DHT）
W：WebSocket 网状网络
T：TCP
L：在局域网中
H：通过 NAT 打洞
R：中继（无直接路径）
J：PluresDB 2.x JSON（无法证明密钥）
E：已加密并认证（Noise）
O：出站（我们拨号）
I：入站（对方拨号）
X：已拒绝：无法证明空间密钥</translation>
    </message>
    <message>
        <location line="+56"/>
        <source>Green only when both sides&apos; state digests are equal</source>
        <translation>仅当双方状态摘要相同时显示绿色</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>From sending the last batch of ops to its acknowledgement: the network round trip plus the peer&apos;s write (shown once ops have flowed)</source>
        <translation>从发送最后一批操作到收到其确认的时间：网络往返加上对等节点的写入（有操作传输后显示）</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>How long the swarm took to make the connection</source>
        <translation>蜂群建立连接所用的时间</translation>
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
        <translation>%1 毫秒</translation>
    </message>
    <message>
        <location line="+10"/>
        <location line="+2"/>
        <source>%1/s</source>
        <translation>%1/秒</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Not connected</source>
        <translation>未连接</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Refused</source>
        <translation>已拒绝</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+45"/>
        <source>In sync</source>
        <translation>已同步</translation>
    </message>
    <message>
        <location line="-45"/>
        <source>Syncing…</source>
        <translation>同步中…</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Flags</source>
        <translation>标志</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Peer</source>
        <translation>对等节点</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Connection</source>
        <translation>连接</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>NAT (ours / theirs)</source>
        <translation>NAT（我方 / 对方）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>RTT</source>
        <translation>往返时间</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Connect time</source>
        <translation>连接耗时</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Received</source>
        <translation>已接收</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Sent</source>
        <translation>已发送</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Messages in</source>
        <translation>入站消息</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Messages out</source>
        <translation>出站消息</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Rate in</source>
        <translation>入站速率</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Rate out</source>
        <translation>出站速率</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Connected since</source>
        <translation>连接时间起</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Last error</source>
        <translation>最近错误</translation>
    </message>
</context>
<context>
    <name>pluresdb::ui::QrImage</name>
    <message>
        <location filename="../ui/qr/QrImage.cpp" line="+36"/>
        <source>The picture is empty or could not be read.</source>
        <translation>图片为空或无法读取。</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+30"/>
        <source>The picture is too large (%1 x %2 pixels).</source>
        <translation>图片太大（%1 × %2 像素）。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Could not read the picture %1: %2</source>
        <translation>无法读取图片 %1：%2</translation>
    </message>
</context>
<context>
    <name>pluresdb::ui::RecordsModel</name>
    <message>
        <location filename="../ui/models/RecordsModel.cpp" line="+51"/>
        <source>Id</source>
        <translation>ID</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Fields</source>
        <translation>字段</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Data</source>
        <translation>数据</translation>
    </message>
</context>
<context>
    <name>pluresdb::ui::RecordsPanel</name>
    <message>
        <location filename="../ui/windows/RecordsPanel.cpp" line="+148"/>
        <source>Filter by id prefix</source>
        <translation>按 ID 前缀筛选</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Record id, e.g. user:1</source>
        <translation>记录 ID，例如 user:1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{&quot;field&quot;: &quot;value&quot;}</source>
        <translation>{&quot;字段&quot;: &quot;值&quot;}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>New</source>
        <translation>新建</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Id</source>
        <translation>ID</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fields (a JSON object; remove a field to delete it)</source>
        <translation>字段（一个 JSON 对象；删去某个字段即可删除它）</translation>
    </message>
    <message>
        <location line="-24"/>
        <source>Cannot read the database: %1</source>
        <translation>无法读取数据库：%1</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1 was changed by a peer</source>
        <translation>%1 已被对等节点修改</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Edit</source>
        <translation>编辑</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Cannot read the history: %1</source>
        <translation>无法读取历史：%1</translation>
    </message>
    <message numerus="yes">
        <location line="+17"/>
        <source>History (%n conflict(s))</source>
        <translation>
            <numerusform>历史（%n 个冲突）</numerusform>
        </translation>
    </message>
    <message>
        <location line="+0"/>
        <source>History</source>
        <translation>历史</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Select a record to see who wrote each field, and when.</source>
        <translation>选择一条记录，查看每个字段由谁在何时写入。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1: only the newest writes are shown.</source>
        <translation>%1：仅显示最新的写入。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1: every write of each field, oldest first; concurrent writes are marked, the later clock wins.</source>
        <translation>%1：每个字段的全部写入，最早的在前；并发写入已标出，时钟较晚者胜出。</translation>
    </message>
    <message numerus="yes">
        <location line="+24"/>
        <source>%n record(s)</source>
        <translation>
            <numerusform>%n 条记录</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n+ records</source>
        <translation>
            <numerusform>%n+ 条记录</numerusform>
        </translation>
    </message>
    <message>
        <location line="+48"/>
        <source>Enter a record id.</source>
        <translation>请输入记录 ID。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Invalid JSON at offset %1: %2</source>
        <translation>JSON 无效，位置 %1：%2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The fields must be a JSON object: { ... }</source>
        <translation>字段必须是一个 JSON 对象：{ ... }</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Not saved: %1</source>
        <translation>未保存：%1</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Saved %1</source>
        <translation>已保存 %1</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Not deleted: %1</source>
        <translation>未删除：%1</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Deleted %1</source>
        <translation>已删除 %1</translation>
    </message>
</context>
<context>
    <name>pluresdb::ui::SettingsDialog</name>
    <message>
        <location filename="../ui/dialogs/SettingsDialog.cpp" line="+116"/>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>DHT bootstrap nodes</source>
        <translation>DHT 引导节点</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Public Hyperswarm DHT (default)</source>
        <translation>公共 Hyperswarm DHT（默认）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Private DHT, these nodes (host:port, one per line):</source>
        <translation>私有 DHT，使用以下节点（主机:端口，每行一个）：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>node1.example.org:49737</source>
        <translation>node1.example.org:49737</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>WebSocket mesh (where UDP is blocked)</source>
        <translation>WebSocket 网状网络（用于 UDP 被阻止的环境）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Accept WebSocket peers on port</source>
        <translation>在此端口接受 WebSocket 对等节点</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Connect to (ws:// or wss:// URLs, one per line):</source>
        <translation>连接到（ws:// 或 wss:// 地址，每行一个）：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>wss://relay.example.org:8765</source>
        <translation>wss://relay.example.org:8765</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This space: %1</source>
        <translation>此空间：%1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This space (none selected)</source>
        <translation>此空间（未选择）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Allow PluresDB 2.x peers (JSON protocol)</source>
        <translation>允许 PluresDB 2.x 对等节点（JSON 协议）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>They cannot prove that they hold the key: anyone who finds the space&apos;s topic could read and write its data. Turn this on only to sync with devices still on PluresDB 2.x.</source>
        <translation>它们无法证明自己持有密钥：任何找到此空间主题的人都可能读写其数据。仅在需要与仍使用 PluresDB 2.x 的设备同步时开启。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>System default</source>
        <translation>跟随系统</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>&quot;%1&quot; is not a bootstrap node: write host:port, e.g. node1.example.org:49737 (a host name or IPv4 address, and a port from 1 to 65535).</source>
        <translation>“%1”不是有效的引导节点：请写成 主机:端口，例如 node1.example.org:49737（主机名或 IPv4 地址，端口为 1 到 65535）。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&quot;%1&quot; is not a WebSocket address: write ws://host:port or wss://host:port.</source>
        <translation>“%1”不是 WebSocket 地址：请写成 ws://主机:端口 或 wss://主机:端口。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Bootstrap node %1</source>
        <translation>引导节点 %1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Enter at least one bootstrap node for a private DHT, or choose the public one.</source>
        <translation>私有 DHT 至少需要一个引导节点，或者改用公共 DHT。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>WebSocket peer %1</source>
        <translation>WebSocket 对等节点 %1</translation>
    </message>
</context>
<context>
    <name>pluresdb::ui::ShareDialog</name>
    <message>
        <location filename="../ui/dialogs/ShareDialog.cpp" line="+38"/>
        <source>Share space</source>
        <translation>分享空间</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Share “%1”</source>
        <translation>分享“%1”</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&lt;b&gt;Anyone who has this invite can read and change everything in this space&lt;/b&gt;, and can pass it on. There is no way to take it back short of moving to a new space. Share it only with people you trust, over a private channel.</source>
        <translation>&lt;b&gt;任何持有此邀请的人都可以读取和修改此空间中的所有内容&lt;/b&gt;，并且可以转发它。邀请无法撤回，除非迁移到一个新空间。请只通过私密渠道分享给您信任的人。</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Scan this code with PluresDB on another device, or save a picture of it.</source>
        <translation>在另一台设备上用 PluresDB 扫描此二维码，或保存它的图片。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No QR code: %1</source>
        <translation>没有二维码：%1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Or send this invite as text:</source>
        <translation>或以文本形式发送此邀请：</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&amp;Copy invite</source>
        <translation>复制邀请(&amp;C)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Copies the invite, marked as a password so clipboard managers do not keep it, and clears the clipboard after %1 seconds.</source>
        <translation>复制邀请时将其标记为密码，使剪贴板管理器不会保留它，并在 %1 秒后清空剪贴板。</translation>
    </message>
    <message numerus="yes">
        <location line="+32"/>
        <source>Copied. The clipboard will be cleared in %n second(s).</source>
        <translation>
            <numerusform>已复制。剪贴板将在 %n 秒后清空。</numerusform>
        </translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The clipboard was cleared.</source>
        <translation>剪贴板已清空。</translation>
    </message>
</context>
<context>
    <name>pluresdb::ui::SyncMonitorWindow</name>
    <message>
        <location filename="../ui/windows/SyncMonitorWindow.cpp" line="+216"/>
        <source>Sync monitor — PluresDB Desktop</source>
        <translation>同步监视器 — PluresDB Desktop</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Peers</source>
        <translation>对等节点</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Traffic</source>
        <translation>流量</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sync debugger</source>
        <translation>同步调试器</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Traffic of:</source>
        <translation>流量来源：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Range:</source>
        <translation>范围：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>5 minutes</source>
        <translation>5 分钟</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>1 hour</source>
        <translation>1 小时</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>6 hours</source>
        <translation>6 小时</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>24 hours</source>
        <translation>24 小时</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Peer:</source>
        <translation>对等节点：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Event:</source>
        <translation>事件：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Record id:</source>
        <translation>记录 ID：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>prefix</source>
        <translation>前缀</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hash values</source>
        <translation>哈希值替换</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Replace record ids, values and messages by hashes in the exported file, so it can be shared without the data</source>
        <translation>在导出文件中用哈希替换记录 ID、值和消息，以便在不泄露数据的情况下共享</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Export trace…</source>
        <translation>导出跟踪…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Step</source>
        <translation>步骤</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>After</source>
        <translation>耗时</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Detail</source>
        <translation>详情</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>All events</source>
        <translation>所有事件</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ops sent and received</source>
        <translation>已发送和接收的操作</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>Double-click a peer to see its connection doctor. Hover over the flags for what each letter means.</source>
        <translation>双击对等节点查看其连接诊断。将鼠标悬停在标志上可查看每个字母的含义。</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+225"/>
        <source>Sync is not running for this space.</source>
        <translation>此空间的同步未运行。</translation>
    </message>
    <message>
        <location line="-216"/>
        <source>%1/s</source>
        <translation>%1/秒</translation>
    </message>
    <message>
        <location line="+36"/>
        <location line="+1"/>
        <source>All peers</source>
        <translation>所有对等节点</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>In this range: received %1 (payload %2, overhead %3), sent %4 (payload %5, overhead %6); DHT %7, holepunch %8</source>
        <translation>此范围内：接收 %1（有效载荷 %2，开销 %3），发送 %4（有效载荷 %5，开销 %6）；DHT %7，打洞 %8</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>Connection doctor</source>
        <translation>连接诊断</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Connection doctor: %1</source>
        <translation>连接诊断：%1</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>In sync</source>
        <translation>已同步</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Not in sync</source>
        <translation>未同步</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Green only when both sides&apos; state digests are equal</source>
        <translation>仅当双方状态摘要相同时显示绿色</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1 ms</source>
        <translation>%1 毫秒</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>&lt;p&gt;&lt;b&gt;Why:&lt;/b&gt; %1&lt;/p&gt;&lt;p&gt;&lt;b&gt;What to try:&lt;/b&gt; %2&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;原因：&lt;/b&gt;%1&lt;/p&gt;&lt;p&gt;&lt;b&gt;可以尝试：&lt;/b&gt;%2&lt;/p&gt;</translation>
    </message>
    <message>
        <location line="+46"/>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Record: %1</source>
        <translation>记录：%1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Op: %1 #%2, clock %3</source>
        <translation>操作：%1 #%2，时钟 %3</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Fields: %1</source>
        <translation>字段：%1</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>this device</source>
        <translation>本设备</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 (sent it to us)</source>
        <translation>%1（发给了我们）</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>%1 (we sent it)</source>
        <translation>%1（我们发送给它）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Peers that have it: %1</source>
        <translation>拥有它的对等节点：%1</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n byte(s) on the wire:</source>
        <translation>
            <numerusform>线路上 %n 字节：</numerusform>
        </translation>
    </message>
    <message>
        <location line="+24"/>
        <location line="+3"/>
        <source>Cannot write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
    <message>
        <location line="+6"/>
        <location line="+5"/>
        <source>Export trace</source>
        <translation>导出跟踪</translation>
    </message>
    <message>
        <location line="-5"/>
        <source>JSON lines (*.jsonl)</source>
        <translation>JSON 行（*.jsonl）</translation>
    </message>
</context>
<context>
    <name>pluresdb::ui::SyncTray</name>
    <message>
        <location filename="../ui/windows/SyncTray.cpp" line="+32"/>
        <source>Show PluresDB</source>
        <translation>显示 PluresDB</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Quit</source>
        <translation>退出</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Peer joined %1</source>
        <translation>对等节点加入了 %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 connected (%2)</source>
        <translation>%1 已连接（%2）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Peer left %1</source>
        <translation>对等节点离开了 %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+7"/>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <location line="-1"/>
        <source>Sync problem in %1</source>
        <translation>%1 中的同步问题</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>PluresDB: %1</source>
        <translation>PluresDB：%1</translation>
    </message>
</context>
<context>
    <name>pluresdb::ui::TraceModel</name>
    <message>
        <location filename="../ui/models/TraceModel.cpp" line="+47"/>
        <source>connected</source>
        <translation>已连接</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>disconnected</source>
        <translation>已断开</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>admission failed</source>
        <translation>准入失败</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>error</source>
        <translation>错误</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>in sync</source>
        <translation>已同步</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>op sent</source>
        <translation>操作已发送</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>op received</source>
        <translation>操作已接收</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+2"/>
        <source>DHT lookup</source>
        <translation>DHT 查找</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>DHT announce</source>
        <translation>DHT 公告</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>handshake</source>
        <translation>握手</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>NAT classes</source>
        <translation>NAT 类型</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>punch round</source>
        <translation>打洞轮次</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>LAN ping</source>
        <translation>局域网探测</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>path</source>
        <translation>路径</translation>
    </message>
    <message>
        <location line="+55"/>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Peer</source>
        <translation>对等节点</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Event</source>
        <translation>事件</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Record</source>
        <translation>记录</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Fields</source>
        <translation>字段</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Clock</source>
        <translation>时钟</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Bytes</source>
        <translation>字节</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Detail</source>
        <translation>详情</translation>
    </message>
</context>
<context>
    <name>pluresdb::ui::TraceTimeline</name>
    <message>
        <location filename="../ui/widgets/TraceTimeline.cpp" line="+76"/>
        <source>No events yet</source>
        <translation>暂无事件</translation>
    </message>
</context>
<context>
    <name>pluresdb::ui::TrafficGraph</name>
    <message>
        <location filename="../ui/widgets/TrafficGraph.cpp" line="+52"/>
        <source>Sync payload in</source>
        <translation>同步载荷入</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Sync payload out</source>
        <translation>同步载荷出</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Protocol overhead in</source>
        <translation>协议开销入</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Protocol overhead out</source>
        <translation>协议开销出</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>DHT in</source>
        <translation>DHT 入</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>DHT out</source>
        <translation>DHT 出</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Holepunch in</source>
        <translation>打洞入</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Holepunch out</source>
        <translation>打洞出</translation>
    </message>
    <message>
        <location line="+27"/>
        <location line="+1"/>
        <location line="+33"/>
        <location line="+29"/>
        <source>%1/s</source>
        <translation>%1/秒</translation>
    </message>
</context>
</TS>
