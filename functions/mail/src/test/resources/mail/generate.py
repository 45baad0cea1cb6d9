#!/usr/bin/env python3
"""Writes the mail corpus: NN-name.eml (raw, CRLF) and NN-name.json (what the parser must find).

Deterministic; run it from this folder to regenerate. Shapes follow what the named clients send.
"""
import base64, json, os, quopri

HERE = os.path.dirname(os.path.abspath(__file__))
cases = []

def crlf(s):
    return s.replace('\r\n', '\n').replace('\n', '\r\n')

def b64(data, width=76):
    s = base64.b64encode(data).decode()
    return '\r\n'.join(s[i:i + width] for i in range(0, len(s), width))

def qp(text, charset='utf-8'):
    return quopri.encodestring(text.encode(charset)).decode('ascii')

def case(name, raw, expect):
    if isinstance(raw, str):
        raw = crlf(raw).encode('utf-8')
    cases.append((name, raw, expect))

PDF = b'%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n' + bytes(range(256)) + b'\ntrailer\n<<>>\n%%EOF\n'
PNG = base64.b64decode('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==')

# 01 Gmail multipart/alternative reply, quoted-printable, "On ... wrote:" and ">" quotes
plain = "Hi,\n\nthe parcel still has not arrived. Could you check with the carrier?\n\nThanks,\nAnna\n\nOn Mon, 3 Nov 2025 at 10:02, Shop Support <support@help.example.com> wrote:\n\n> Hello Anna,\n>\n> your order #4711 has shipped.\n>\n"
html = '<div dir="ltr">Hi,<div><br></div><div>the parcel still has not arrived. Could you check with the carrier?</div><div><br></div><div>Thanks,</div><div>Anna</div></div><br><div class="gmail_quote"><div dir="ltr" class="gmail_attr">On Mon, 3 Nov 2025 at 10:02, Shop Support &lt;<a href="mailto:support@help.example.com">support@help.example.com</a>&gt; wrote:<br></div><blockquote class="gmail_quote" style="margin:0px 0px 0px 0.8ex;border-left:1px solid rgb(204,204,204);padding-left:1ex">Hello Anna,<br><br>your order #4711 has shipped.<br></blockquote></div>\n'
case('01-gmail-reply', f"""MIME-Version: 1.0
Date: Mon, 3 Nov 2025 11:15:42 +0100
References: <0100018c-aaa@email.amazonses.com>
In-Reply-To: <0100018c-aaa@email.amazonses.com>
Message-ID: <CAJ4x8Zs9k2m=Yt@mail.gmail.com>
Subject: Re: Your order #4711 [#1042]
From: Anna Schmidt <anna.schmidt@example.com>
To: Shop Support <support+1042-0123456789abcdef0123@help.example.com>
Content-Type: multipart/alternative; boundary="000000000000a1b2c3d4e5f6"

--000000000000a1b2c3d4e5f6
Content-Type: text/plain; charset="UTF-8"
Content-Transfer-Encoding: quoted-printable

{qp(plain)}
--000000000000a1b2c3d4e5f6
Content-Type: text/html; charset="UTF-8"
Content-Transfer-Encoding: quoted-printable

{qp(html)}
--000000000000a1b2c3d4e5f6--
""", {"description": "Gmail reply: multipart/alternative, quoted-printable, attribution line and > quotes",
      "from": {"email": "anna.schmidt@example.com", "name": "Anna Schmidt"}, "subject": "Re: Your order #4711 [#1042]",
      "messageId": "<CAJ4x8Zs9k2m=Yt@mail.gmail.com>", "inReplyTo": "<0100018c-aaa@email.amazonses.com>",
      "references": ["<0100018c-aaa@email.amazonses.com>"],
      "visibleText": "Hi,\n\nthe parcel still has not arrived. Could you check with the carrier?\n\nThanks,\nAnna",
      "fullTextContains": ["your order #4711 has shipped"], "attachments": [], "autoReply": False})

# 02 Outlook HTML-only reply with From/Sent block (divRplyFwdMsg)
html = '<html xmlns:o="urn:schemas-microsoft-com:office:office"><head><meta http-equiv="Content-Type" content="text/html; charset=utf-8"><style type="text/css" style="display:none;"> P {margin-top:0;margin-bottom:0;} </style></head><body dir="ltr"><div style="font-family: Calibri, Arial, Helvetica, sans-serif; font-size: 12pt; color: rgb(0, 0, 0);">Please cancel the second item of my order.</div><div style="font-family: Calibri, Arial, Helvetica, sans-serif; font-size: 12pt;">Regards, Tom</div><div id="appendonsend"></div><hr style="display:inline-block;width:98%" tabindex="-1"><div id="divRplyFwdMsg" dir="ltr"><font face="Calibri, sans-serif" style="font-size:11pt" color="#000000"><b>From:</b> Shop Support &lt;support@help.example.com&gt;<br><b>Sent:</b> Monday, November 3, 2025 10:02 AM<br><b>To:</b> Tom Baker &lt;tom@example.net&gt;<br><b>Subject:</b> Your order</font><div>&nbsp;</div></div><div>Hello Tom, your order has shipped.</div></body></html>'
case('02-outlook-html-reply', f"""From: Tom Baker <tom@example.net>
To: Shop Support <support@help.example.com>
Subject: RE: Your order
Thread-Topic: Your order
Thread-Index: AQHaDmx3k5l2
Date: Mon, 3 Nov 2025 10:30:12 +0000
Message-ID: <AM0PR10MB1234ABCD@AM0PR10MB1234.EURPRD10.PROD.OUTLOOK.COM>
In-Reply-To: <0100018c-bbb@email.amazonses.com>
Content-Language: en-GB
X-MS-Has-Attach:
Content-Type: text/html; charset="utf-8"
Content-Transfer-Encoding: base64
MIME-Version: 1.0

{b64(html.encode())}
""", {"description": "Outlook on the web, HTML only, quoted original after the From/Sent header block",
      "from": {"email": "tom@example.net", "name": "Tom Baker"}, "subject": "RE: Your order",
      "visibleText": "Please cancel the second item of my order.\nRegards, Tom",
      "visibleTextExcludes": ["your order has shipped", "Sent:", "margin-top"], "fullTextContains": ["your order has shipped"], "attachments": []})

# 03 Outlook desktop plain text with Original Message separator
case('03-outlook-original-message', """From: "Baker, Tom" <tom@example.net>
To: <support@help.example.com>
Subject: RE: Refund
Date: Tue, 4 Nov 2025 08:00:00 -0500
Message-ID: <000001dc4e12$abcd$ef01@example.net>
MIME-Version: 1.0
Content-Type: text/plain; charset="us-ascii"
Content-Transfer-Encoding: 7bit
X-Mailer: Microsoft Outlook 16.0

Yes, the refund can go to my card.

-----Original Message-----
From: Shop Support [mailto:support@help.example.com]
Sent: Monday, November 3, 2025 4:00 PM
To: Baker, Tom <tom@example.net>
Subject: Refund

Shall we refund to your card?
""", {"description": "Outlook desktop, plain text, -----Original Message----- separator",
      "from": {"email": "tom@example.net", "name": "Baker, Tom"}, "subject": "RE: Refund",
      "visibleText": "Yes, the refund can go to my card.", "fullTextContains": ["Shall we refund"], "attachments": []})

# 04 Apple Mail with blockquote type=cite and "Sent from my iPhone"
plain = "Thank you, that works for me.\n\nSent from my iPhone\n\n> On 3 Nov 2025, at 10:02, Shop Support <support@help.example.com> wrote:\n>\n> Would Tuesday work for the pickup?\n"
html = '<html><head><meta http-equiv="content-type" content="text/html; charset=utf-8"></head><body dir="auto">Thank you, that works for me.<br><br><div dir="ltr">Sent from my iPhone</div><div dir="ltr"><br><blockquote type="cite">On 3 Nov 2025, at 10:02, Shop Support &lt;support@help.example.com&gt; wrote:<br><br></blockquote></div><blockquote type="cite"><div dir="ltr">Would Tuesday work for the pickup?</div></blockquote></body></html>'
case('04-apple-iphone', f"""Content-Type: multipart/alternative; boundary=Apple-Mail-8A1B2C3D-4E5F-6789-ABCD-EF0123456789
Content-Transfer-Encoding: 7bit
From: Lena Vogel <lena@example.org>
Mime-Version: 1.0 (1.0)
Date: Mon, 3 Nov 2025 10:20:00 +0100
Subject: Re: Pickup
Message-Id: <5E1C2D3A-1B2C-4D5E-8F90-A1B2C3D4E5F6@example.org>
References: <0100018c-ccc@email.amazonses.com>
In-Reply-To: <0100018c-ccc@email.amazonses.com>
To: Shop Support <support@help.example.com>
X-Mailer: iPhone Mail (22A3354)


--Apple-Mail-8A1B2C3D-4E5F-6789-ABCD-EF0123456789
Content-Type: text/plain;
\tcharset=utf-8
Content-Transfer-Encoding: quoted-printable

{qp(plain)}
--Apple-Mail-8A1B2C3D-4E5F-6789-ABCD-EF0123456789
Content-Type: text/html;
\tcharset=utf-8
Content-Transfer-Encoding: quoted-printable

{qp(html)}
--Apple-Mail-8A1B2C3D-4E5F-6789-ABCD-EF0123456789--
""", {"description": "iPhone Mail: folded Content-Type parameters, 'Sent from my iPhone', quoted attribution",
      "from": {"email": "lena@example.org", "name": "Lena Vogel"}, "subject": "Re: Pickup",
      "messageId": "<5E1C2D3A-1B2C-4D5E-8F90-A1B2C3D4E5F6@example.org>",
      "visibleText": "Thank you, that works for me.", "attachments": []})

# 05-08 localized attributions
for n, (lang, attribution, who) in enumerate([
        ('german-gmail', 'Am Mo., 3. Nov. 2025 um 10:02 Uhr schrieb Shop Support <\nsupport@help.example.com>:', 'Jonas'),
        ('french-gmail', 'Le lun. 3 nov. 2025 à 10:02, Shop Support <support@help.example.com> a écrit :', 'Chloé'),
        ('spanish-gmail', 'El lun, 3 nov 2025 a las 10:02, Shop Support (<support@help.example.com>) escribió:', 'Lucía'),
        ('dutch-outlook', 'Van: Shop Support <support@help.example.com>\nVerzonden: maandag 3 november 2025 10:02\nAan: Sanne <sanne@example.nl>\nOnderwerp: Uw bestelling', 'Sanne')], start=5):
    text = f"Bedankt / Danke / Merci / Gracias.\n\n{who}\n\n{attribution}\n\n> Ihre Bestellung ist unterwegs.\n> Votre commande est en route.\n"
    if lang == 'dutch-outlook':
        text = f"Bedankt voor de snelle reactie.\n\n{who}\n\n{attribution}\n\nUw bestelling is onderweg.\n"
    case(f'{n:02d}-{lang}', f"""From: {who} <{who.lower().replace('é','e').replace('í','i')}@example.eu>
To: support@help.example.com
Subject: =?UTF-8?Q?Re:_Bestellung?=
Message-ID: <{lang}-1@example.eu>
MIME-Version: 1.0
Content-Type: text/plain; charset=UTF-8
Content-Transfer-Encoding: quoted-printable

{qp(text)}
""", {"description": f"{lang}: the attribution line in the client's language",
          "subject": "Re: Bestellung",
          "visibleTextContains": [who], "visibleTextExcludes": ["unterwegs", "en route", "onderweg", "support@help.example.com"],
          "attachments": []})

# 09 "-- " signature
case('09-dash-dash-signature', """From: Mike Ross <mike@example.com>
To: support@help.example.com
Subject: Invoice address
Message-ID: <sig-1@example.com>
Content-Type: text/plain; charset=utf-8

Please put my company name on the invoice: Ross & Partner GmbH.

--\x20
Mike Ross | Ross & Partner GmbH
Phone +49 30 1234567
""", {"description": "Thunderbird-style '-- ' signature separator",
      "visibleText": "Please put my company name on the invoice: Ross & Partner GmbH.", "fullTextContains": ["Phone +49 30 1234567"],
      "attachments": []})

# 10 ISO-8859-1 quoted-printable
case('10-iso-8859-1', b"From: =?ISO-8859-1?Q?J=FCrgen_M=FCller?= <juergen@example.de>\r\nTo: support@help.example.com\r\n"
     b"Subject: =?ISO-8859-1?Q?R=FCcksendung_f=FCr_Bestellung?=\r\nMessage-ID: <latin1@example.de>\r\nMIME-Version: 1.0\r\n"
     b"Content-Type: text/plain; charset=ISO-8859-1\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n"
     + quopri.encodestring("Größe passt nicht, ich möchte zurücksenden. Grüße".encode('latin-1')) + b"\r\n",
     {"description": "ISO-8859-1 quoted-printable body and Q-encoded subject/name", "from": {"email": "juergen@example.de", "name": "Jürgen Müller"},
      "subject": "Rücksendung für Bestellung", "visibleText": "Größe passt nicht, ich möchte zurücksenden. Grüße", "attachments": []})

# 11 windows-1252 8bit, curly quotes and euro
case('11-windows-1252', b"From: Claire <claire@example.fr>\r\nTo: support@help.example.com\r\nSubject: Price\r\nMessage-ID: <cp1252@example.fr>\r\n"
     b"MIME-Version: 1.0\r\nContent-Type: text/plain; charset=windows-1252\r\nContent-Transfer-Encoding: 8bit\r\n\r\n"
     + "It said \u201c49 \u20ac\u201d \u2013 I paid 59 \u20ac.".encode('cp1252') + b"\r\n",
     {"description": "windows-1252 8bit: curly quotes, en dash, euro sign", "visibleText": "It said \u201c49 \u20ac\u201d \u2013 I paid 59 \u20ac.",
      "attachments": []})

# 12 ISO-8859-1 label but windows-1252 bytes (what Outlook does)
case('12-latin1-label-cp1252-bytes', b"From: Ann <ann@example.com>\r\nTo: support@help.example.com\r\nSubject: Quote\r\nMessage-ID: <mislabel@example.com>\r\n"
     b"MIME-Version: 1.0\r\nContent-Type: text/plain; charset=iso-8859-1\r\nContent-Transfer-Encoding: 8bit\r\n\r\n"
     + "\u201cFragile\u201d \u2013 5 \u20ac".encode('cp1252') + b"\r\n",
     {"description": "labelled ISO-8859-1, written as windows-1252 (curly quotes in 0x80-0x9F)", "visibleText": "\u201cFragile\u201d \u2013 5 \u20ac",
      "attachments": []})

# 13 windows-1251 base64 Russian
ru = "Здравствуйте! Посылка пришла повреждённой."
case('13-windows-1251', f"""From: =?windows-1251?B?{base64.b64encode('Иван Петров'.encode('cp1251')).decode()}?= <ivan@example.ru>
To: support@help.example.com
Subject: =?windows-1251?B?{base64.b64encode('Повреждённая посылка'.encode('cp1251')).decode()}?=
Message-ID: <cp1251@example.ru>
MIME-Version: 1.0
Content-Type: text/plain; charset="windows-1251"
Content-Transfer-Encoding: base64

{b64(ru.encode('cp1251'))}
""", {"description": "windows-1251 base64 body, B-encoded subject and name", "from": {"email": "ivan@example.ru", "name": "Иван Петров"},
      "subject": "Повреждённая посылка", "visibleText": ru, "attachments": []})

# 14 ISO-2022-JP 7bit
ja = "注文した商品がまだ届きません。確認をお願いします。"
case('14-iso-2022-jp', b"From: =?ISO-2022-JP?B?" + base64.b64encode('山田太郎'.encode('iso2022_jp')) + b"?= <taro@example.jp>\r\nTo: support@help.example.com\r\n"
     b"Subject: =?ISO-2022-JP?B?" + base64.b64encode('商品が届きません'.encode('iso2022_jp')) + b"?=\r\nMessage-ID: <jis@example.jp>\r\nMIME-Version: 1.0\r\n"
     b"Content-Type: text/plain; charset=ISO-2022-JP\r\nContent-Transfer-Encoding: 7bit\r\n\r\n" + ja.encode('iso2022_jp') + b"\r\n",
     {"description": "ISO-2022-JP (7bit, escape sequences) body, subject and name", "from": {"email": "taro@example.jp", "name": "山田太郎"},
      "subject": "商品が届きません", "visibleText": ja, "attachments": []})

# 15 Shift_JIS base64
sj = "返品したいです。①の商品です。"
case('15-shift-jis', f"""From: Hanako <hanako@example.jp>
To: support@help.example.com
Subject: =?Shift_JIS?B?{base64.b64encode('返品について'.encode('cp932')).decode()}?=
Message-ID: <sjis@example.jp>
MIME-Version: 1.0
Content-Type: text/plain; charset=Shift_JIS
Content-Transfer-Encoding: base64

{b64(sj.encode('cp932'))}
""", {"description": "Shift_JIS labelled, with a Windows-31J character (circled digit)", "subject": "返品について", "visibleText": sj, "attachments": []})

# 16 GB2312 base64 body and subject
zh = "您好，我的订单还没有发货。"
case('16-gb2312', f"""From: =?GB2312?B?{base64.b64encode('王芳'.encode('gb2312')).decode()}?= <wangfang@example.cn>
To: support@help.example.com
Subject: =?GB2312?B?{base64.b64encode('订单查询'.encode('gb2312')).decode()}?=
Message-ID: <gb@example.cn>
MIME-Version: 1.0
Content-Type: text/plain; charset="gb2312"
Content-Transfer-Encoding: base64

{b64(zh.encode('gb2312'))}
""", {"description": "GB2312 base64 body, B-encoded subject and name", "from": {"email": "wangfang@example.cn", "name": "王芳"},
      "subject": "订单查询", "visibleText": zh, "attachments": []})

# 17 UTF-8 emoji, raw 8-bit UTF-8 in headers (RFC 6532)
case('17-utf8-emoji-raw-headers', """From: Zoë 🌸 <zoe@example.com>
To: support@help.example.com
Subject: Danke 🙏 für die schnelle Hilfe
Message-ID: <emoji@example.com>
MIME-Version: 1.0
Content-Type: text/plain; charset=utf-8
Content-Transfer-Encoding: 8bit

Alles angekommen 🎉👍
""", {"description": "UTF-8 with emoji in body, and raw UTF-8 in From and Subject (RFC 6532)", "from": {"email": "zoe@example.com", "name": "Zoë 🌸"},
      "subject": "Danke 🙏 für die schnelle Hilfe", "visibleText": "Alles angekommen 🎉👍", "attachments": []})

# 18 encoded words: adjacent words joined, Q underscores, split multi-byte character
case('18-encoded-words-adjacent', """From: =?UTF-8?Q?Fran=C3=A7ois_?= =?UTF-8?Q?Dupont?= <francois@example.fr>
To: support@help.example.com
Subject: =?UTF-8?B?UmU6IGNvbW1hbmRlIA==?=
 =?UTF-8?B?w6AgbGl2cmVy?= =?UTF-8?Q?_=E2=82?= =?UTF-8?Q?=AC_rembours=C3=A9?=
Message-ID: <words@example.fr>
Content-Type: text/plain; charset=utf-8

ok
""", {"description": "adjacent encoded words (joined without the space between), folded, a euro sign split across two words",
      "from": {"email": "francois@example.fr", "name": "François Dupont"}, "subject": "Re: commande à livrer € remboursé", "visibleText": "ok", "attachments": []})

# 19 malformed encoded words
case('19-encoded-words-malformed', """From: "=?UTF-8?Q?Ren=C3=A9e?=" <renee@example.com>
To: support@help.example.com
Subject: =?x-unknown?Q?Hallo?= and =?UTF-8?Q?broken_word without end
Message-ID: <malformed@example.com>
Content-Type: text/plain; charset=utf-8

text
""", {"description": "an encoded word inside a quoted string (decoded, as clients do), an unknown charset and an unterminated word (kept as written)",
      "from": {"email": "renee@example.com", "name": "Renée"}, "subjectContains": ["=?x-unknown?Q?Hallo?=", "broken_word without end"], "attachments": []})

# 20 RFC 2231 filenames: charset form and continuations; Outlook encoded-word name
case('20-rfc2231-filenames', f"""From: Eva <eva@example.at>
To: support@help.example.com
Subject: Rechnungen
Message-ID: <rfc2231@example.at>
MIME-Version: 1.0
Content-Type: multipart/mixed; boundary="XX"

--XX
Content-Type: text/plain; charset=utf-8

Anbei die Rechnungen.
--XX
Content-Type: application/pdf
Content-Disposition: attachment; filename*=UTF-8''%E2%82%AC%20rechnung.pdf
Content-Transfer-Encoding: base64

{b64(PDF)}
--XX
Content-Type: application/pdf
Content-Disposition: attachment;
 filename*0*=UTF-8''Sehr%20lange%20Rechnung%20f%C3%BCr%20;
 filename*1*=Bestellung%204711.pdf
Content-Transfer-Encoding: base64

{b64(PDF[:100])}
--XX
Content-Type: application/pdf; name="=?utf-8?B?R3LDvMOfZS5wZGY=?="
Content-Disposition: attachment; filename="=?utf-8?B?R3LDvMOfZS5wZGY=?="
Content-Transfer-Encoding: base64

{b64(PDF[:50])}
--XX--
""", {"description": "RFC 2231 filename with charset, RFC 2231 continuations, and Outlook's encoded-word filename",
      "visibleText": "Anbei die Rechnungen.",
      "attachments": [{"filename": "€ rechnung.pdf", "contentType": "application/pdf", "size": len(PDF), "contentId": None},
                      {"filename": "Sehr lange Rechnung für Bestellung 4711.pdf", "contentType": "application/pdf", "size": 100, "contentId": None},
                      {"filename": "Grüße.pdf", "contentType": "application/pdf", "size": 50, "contentId": None}]})

# 21 inline image in multipart/related + text attachment + empty attachment
# (the line break before a boundary belongs to the boundary, RFC 2046: "serial 12345" is 12 bytes)
case('21-related-inline-image', f"""From: Paul <paul@example.com>
To: support@help.example.com
Subject: Scratch on the table
Message-ID: <inline@example.com>
MIME-Version: 1.0
Content-Type: multipart/mixed; boundary="m"

--m
Content-Type: multipart/related; boundary="r"; type="text/html"

--r
Content-Type: text/html; charset=utf-8

<p>See the scratch:</p><p><img src="cid:scratch@local" alt="photo"></p>
--r
Content-Type: image/png
Content-ID: <scratch@local>
Content-Disposition: inline; filename="scratch.png"
Content-Transfer-Encoding: base64

{b64(PNG)}
--r--
--m
Content-Type: text/plain; charset=utf-8; name="notes.txt"
Content-Disposition: attachment; filename="notes.txt"

serial 12345
--m
Content-Type: application/octet-stream; name="empty.bin"
Content-Disposition: attachment; filename="empty.bin"
Content-Transfer-Encoding: base64


--m--
""", {"description": "multipart/related HTML with an inline image (Content-ID), a .txt attachment and a zero-byte attachment",
      "visibleTextContains": ["See the scratch:"],
      "attachments": [{"filename": "scratch.png", "contentType": "image/png", "size": len(PNG), "contentId": "scratch@local"},
                      {"filename": "notes.txt", "contentType": "text/plain", "size": 12, "contentId": None},
                      {"filename": "empty.bin", "contentType": "application/octet-stream", "size": 0, "contentId": None}]})

# 22 forwarded message/rfc822 with its own attachment
inner = crlf(f"""From: Carrier <noreply@carrier.example>
To: paul@example.com
Subject: Delivery failed
Message-ID: <carrier-1@carrier.example>
MIME-Version: 1.0
Content-Type: multipart/mixed; boundary="in"

--in
Content-Type: text/plain

We could not deliver parcel 00340434.
--in
Content-Type: application/pdf; name="label.pdf"
Content-Disposition: attachment; filename="label.pdf"
Content-Transfer-Encoding: base64

{b64(PDF)}
--in--
""")
case('22-forward-rfc822', "From: Paul <paul@example.com>\nTo: support@help.example.com\nSubject: Fwd: Delivery failed\nMessage-ID: <fwd@example.com>\nMIME-Version: 1.0\nContent-Type: multipart/mixed; boundary=\"f\"\n\n--f\nContent-Type: text/plain; charset=utf-8\n\nSee below, what now?\n--f\nContent-Type: message/rfc822\nContent-Disposition: inline\n\n" + inner + "\n--f--\n",
     {"description": "a forwarded message as message/rfc822: one attachment; its own PDF is not listed apart",
      "visibleText": "See below, what now?", "visibleTextExcludes": ["00340434"],
      "attachments": [{"filename": "Delivery failed.eml", "contentType": "message/rfc822", "size": len(inner.encode()), "contentId": None}]})

# 23 nested multiparts
case('23-nested-multiparts', f"""From: Nora <nora@example.com>
To: support@help.example.com
Subject: Nested
Message-ID: <nested@example.com>
MIME-Version: 1.0
Content-Type: multipart/mixed; boundary="a"

--a
Content-Type: multipart/related; boundary="b"

--b
Content-Type: multipart/alternative; boundary="c"

--c
Content-Type: text/plain; charset=utf-8

Plain wins over HTML.
--c
Content-Type: text/html; charset=utf-8

<p>HTML <b>loses</b>.</p>
--c--
--b--
--a
Content-Type: application/pdf; name="order.pdf"
Content-Transfer-Encoding: base64

{b64(PDF[:64])}
--a--
""", {"description": "mixed > related > alternative > plain + html, and an attachment named only in Content-Type",
      "visibleText": "Plain wins over HTML.", "attachments": [{"filename": "order.pdf", "contentType": "application/pdf", "size": 64, "contentId": None}]})

# 24 HTML only with tables, lists, entities, style and script
html = """<html><head><style>.x{color:red}</style><script>var secret='do not show';</script><title>T</title></head><body>
<p>Hello&nbsp;team &amp; friends,</p><p>Caf&eacute; order:</p><ul><li>2 cups</li><li>1 pot</li></ul>
<table><tr><td>Item</td><td>Qty</td></tr><tr><td>Mug</td><td>3</td></tr></table>
<p>Track it <a href="https://track.example.com/123">here</a>.</p></body></html>"""
case('24-html-only', f"""From: Olga <olga@example.com>
To: support@help.example.com
Subject: HTML only
Message-ID: <htmlonly@example.com>
MIME-Version: 1.0
Content-Type: text/html; charset=utf-8

{html}
""", {"description": "HTML-only: paragraphs, list, table, entities, link target kept, no style/script text",
      "visibleTextContains": ["Hello team & friends,", "Café order:", "- 2 cups", "- 1 pot", "Mug\t3", "here <https://track.example.com/123>"],
      "visibleTextExcludes": ["color:red", "do not show", "<p>"], "attachments": []})

# 25 missing closing boundary
case('25-missing-closing-boundary', f"""From: Quinn <quinn@example.com>
To: support@help.example.com
Subject: Cut off
Message-ID: <cutoff@example.com>
MIME-Version: 1.0
Content-Type: multipart/mixed; boundary="zz"

--zz
Content-Type: text/plain

The end boundary of this message never comes.
--zz
Content-Type: application/pdf; name="a.pdf"
Content-Transfer-Encoding: base64

{b64(PDF[:30])}
""", {"description": "a multipart whose closing boundary is missing: parts up to the end are kept",
      "visibleText": "The end boundary of this message never comes.", "attachments": [{"filename": "a.pdf", "contentType": "application/pdf", "size": 30, "contentId": None}]})

# 26 declared boundary never appears
case('26-boundary-never-appears', """From: Rita <rita@example.com>
To: support@help.example.com
Subject: Boundary
Message-ID: <noboundary@example.com>
MIME-Version: 1.0
Content-Type: multipart/mixed; boundary="declared-but-absent"

This text is all there is; the boundary never appears.
""", {"description": "a multipart declaring a boundary that never appears: the content is read as text",
      "visibleText": "This text is all there is; the boundary never appears.", "attachments": [], "parseProblems": True})

# 27 bad base64 in an attachment
bad = b64(PDF[:60]).replace('A', '!', 1)[:-3] + '*'
import re
def lenient(s):
    c = re.sub(r'[^A-Za-z0-9+/]', '', s)
    c = c[:len(c) - len(c) % 4] if len(c) % 4 == 1 else c + '=' * (-len(c) % 4)
    return len(base64.b64decode(c))
case('27-bad-base64', f"""From: Sam <sam@example.com>
To: support@help.example.com
Subject: Bad attachment
Message-ID: <badb64@example.com>
MIME-Version: 1.0
Content-Type: multipart/mixed; boundary="q"

--q
Content-Type: text/plain

attached
--q
Content-Type: application/pdf; name="broken.pdf"
Content-Transfer-Encoding: base64

{bad}
--q--
""", {"description": "an attachment with invalid base64 characters and broken padding: decoded leniently",
      "visibleText": "attached", "attachments": [{"filename": "broken.pdf", "contentType": "application/pdf", "sizeAtLeast": lenient(bad) - 3, "sizeAtMost": lenient(bad), "contentId": None}]})

# 28 no charset with 8-bit UTF-8 bytes, no Content-Type at all, no subject and no Message-ID
case('28-no-content-type-8bit', "From: tina@example.com\nTo: support@help.example.com\nDate: Mon, 3 Nov 2025 10:00:00 +0000\n\nKönnen Sie mir helfen? Straße 5\n",
     {"description": "no Content-Type, no Subject, no Message-ID, raw UTF-8 bytes: read as UTF-8",
      "from": {"email": "tina@example.com", "name": None}, "subject": None, "messageId": None,
      "visibleText": "Können Sie mir helfen? Straße 5", "attachments": []})

# 29 badly folded headers
case('29-bad-folding', """From: Uwe
 Ulrich <uwe@example.com>
To: support@help.example.com
Subject: A subject that was
\tfolded with a tab
Message-ID:
 <folded@example.com>
Content-Type: text/plain;
 charset="utf-8"

body
""", {"description": "headers folded in odd places (name, Message-ID on the next line, tab folding)",
      "from": {"email": "uwe@example.com", "name": "Uwe Ulrich"}, "subject": "A subject that was folded with a tab",
      "messageId": "<folded@example.com>", "visibleText": "body", "attachments": []})

# 30-40 machine mail
def auto(name, headers, subject, reason, frm='ooo@example.com'):
    case(name, f"From: {frm}\nTo: support@help.example.com\nSubject: {subject}\nMessage-ID: <{name}@example.com>\n{headers}Content-Type: text/plain\n\nI am out of the office until Monday.\n",
         {"description": f"machine mail: {reason}", "autoReply": True, "autoReplyReason": reason, "attachments": []})
auto('30-auto-submitted-replied', 'Auto-Submitted: auto-replied\n', 'Re: Order', 'auto-submitted')
auto('31-auto-submitted-generated', 'Auto-Submitted: auto-generated\n', 'Your ticket', 'auto-submitted')
auto('32-x-autoreply', 'X-Autoreply: yes\n', 'Re: Order', 'x-autoreply')
auto('33-x-autorespond', 'X-Autorespond: Thank you for your mail\n', 'Re: Order', 'x-autorespond')
auto('34-precedence-bulk', 'Precedence: bulk\n', 'Newsletter', 'precedence')
auto('35-precedence-junk', 'Precedence: junk\n', 'Offer', 'precedence')
auto('36-precedence-list', 'Precedence: list\nList-Id: <shop.lists.example.com>\n', '[list] hello', 'precedence')
auto('37-outlook-out-of-office', 'X-Auto-Response-Suppress: All\nIn-Reply-To: <0100018c-ddd@email.amazonses.com>\n', 'Automatic reply: Your order', 'out-of-office')
auto('38-german-abwesenheit', '', 'Abwesenheitsnotiz: Ihre Bestellung', 'out-of-office')
auto('39-mailer-daemon', '', 'Undelivered Mail Returned to Sender', 'mailer-daemon', frm='MAILER-DAEMON@mx.example.org')
auto('40-empty-return-path', 'Return-Path: <>\n', 'Notification', 'empty-return-path', frm='notify@example.org')
case('41-auto-submitted-no', "From: vera@example.com\nTo: support@help.example.com\nSubject: A person\nMessage-ID: <human@example.com>\nAuto-Submitted: no\nContent-Type: text/plain\n\nI wrote this myself.\n",
     {"description": "Auto-Submitted: no is a person's mail", "autoReply": False, "visibleText": "I wrote this myself.", "attachments": []})

# 42 Postfix DSN
original_headers = "Return-Path: <bounce@help.example.com>\nFrom: Shop Support <support@help.example.com>\nTo: nobody@example.org\nSubject: Re: Your order [#1042]\nMessage-ID: <0100018c-original-reply@email.amazonses.com>\n"
case('42-postfix-bounce', "Return-Path: <>\nFrom: MAILER-DAEMON@mx.example.org (Mail Delivery System)\nTo: support@help.example.com\nSubject: Undelivered Mail Returned to Sender\nMessage-ID: <20251103100000.ABC@mx.example.org>\nAuto-Submitted: auto-replied\nMIME-Version: 1.0\nContent-Type: multipart/report; report-type=delivery-status;\n\tboundary=\"ABC.1730628000/mx.example.org\"\n\n"
     "--ABC.1730628000/mx.example.org\nContent-Description: Notification\nContent-Type: text/plain; charset=us-ascii\n\nThis is the mail system at host mx.example.org.\n\nI'm sorry to have to inform you that your message could not\nbe delivered to one or more recipients.\n\n"
     "--ABC.1730628000/mx.example.org\nContent-Description: Delivery report\nContent-Type: message/delivery-status\n\nReporting-MTA: dns; mx.example.org\nX-Postfix-Queue-ID: ABC\nArrival-Date: Mon,  3 Nov 2025 10:00:00 +0000 (UTC)\n\nFinal-Recipient: rfc822; nobody@example.org\nOriginal-Recipient: rfc822;nobody@example.org\nAction: failed\nStatus: 5.1.1\nRemote-MTA: dns; mx2.example.org\nDiagnostic-Code: smtp; 550 5.1.1 user unknown\n\n"
     "--ABC.1730628000/mx.example.org\nContent-Description: Undelivered Message Headers\nContent-Type: text/rfc822-headers\n\n" + original_headers + "\n--ABC.1730628000/mx.example.org--\n",
     {"description": "Postfix bounce: multipart/report with message/delivery-status and the returned headers",
      "autoReply": True, "autoReplyReason": "delivery-report",
      "bounce": {"recipient": "nobody@example.org", "status": "5.1.1", "diagnostic": "550 5.1.1 user unknown", "originalMessageId": "<0100018c-original-reply@email.amazonses.com>"},
      "attachments": []})

# 43 Amazon SES bounce (message/rfc822 original)
orig = crlf(original_headers + "Content-Type: text/plain\n\nYour refund is on its way.\n")
case('43-ses-bounce', "From: MAILER-DAEMON@amazonses.com\nTo: support@help.example.com\nSubject: Delivery Status Notification (Failure)\nMessage-ID: <0100018c-dsn@email.amazonses.com>\nMIME-Version: 1.0\nContent-Type: multipart/report; report-type=delivery-status; boundary=\"=_ses\"\n\n"
     "--=_ses\nContent-Type: text/plain; charset=UTF-8\n\nAn error occurred while trying to deliver the mail to the following recipients:\nnobody@example.org\n"
     "--=_ses\nContent-Type: message/delivery-status\n\nReporting-MTA: dns; a8-55.smtp-out.amazonses.com\n\nAction: failed\nFinal-Recipient: rfc822; nobody@example.org\nDiagnostic-Code: smtp; 554 4.4.7 Message expired: unable to deliver in 840 minutes.\nStatus: 4.4.7\n"
     "--=_ses\nContent-Type: message/rfc822\n\n" + orig + "\n--=_ses--\n",
     {"description": "SES-forwarded bounce: the original message returned whole as message/rfc822",
      "autoReply": True, "autoReplyReason": "delivery-report",
      "bounce": {"recipient": "nobody@example.org", "status": "4.4.7", "diagnostic": "554 4.4.7 Message expired: unable to deliver in 840 minutes.", "originalMessageId": "<0100018c-original-reply@email.amazonses.com>"},
      "attachments": [{"filename": "Re: Your order [#1042].eml", "contentType": "message/rfc822", "contentId": None}]})

# 44 phone signatures in other languages
case('44-sent-from-phones', """From: Yann <yann@example.fr>
To: support@help.example.com
Subject: Re: Retour
Message-ID: <phones@example.fr>
Content-Type: text/plain; charset=utf-8

D'accord, merci !

Envoyé de mon iPhone

Le 3 nov. 2025 à 10:02, Shop Support <support@help.example.com> a écrit :

> Votre retour est accepté.
""", {"description": "'Envoyé de mon iPhone' then a French attribution", "visibleText": "D'accord, merci !", "attachments": []})

for name, raw, expect in cases:
    with open(os.path.join(HERE, name + '.eml'), 'wb') as f:
        f.write(raw)
    with open(os.path.join(HERE, name + '.json'), 'w', encoding='utf-8') as f:
        json.dump(expect, f, ensure_ascii=False, indent=2)
        f.write('\n')
print(len(cases), 'cases')
