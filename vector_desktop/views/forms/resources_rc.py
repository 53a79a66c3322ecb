# Resource object code (Python 3)
# Created by: object code
# Created by: The Resource Compiler for Qt version 6.11.3
# WARNING! All changes made in this file will be lost!

from PySide6 import QtCore

qt_resource_data = b"\
\x00\x00\x01Q\
Q\
ListWidget#navLi\
st { background:\
 #1d1f24; }\x0aQLis\
tWidget#navList:\
:item:selected {\
 background: #33\
386b; color: #ee\
f0ff; }\x0aQListWid\
get#navList::ite\
m:hover:!selecte\
d { background: \
#2a2d34; }\x0aQFram\
e#noticeBar { ba\
ckground: #3a2f1\
a; border: 1px s\
olid #6b5428; }\x0a\
QLabel[role=\x22sou\
rce\x22] { color: #\
9aa1ab; }\x0aQLabel\
#emptyState { co\
lor: #9aa1ab; }\x0a\
\
\x00\x00\x01\xd9\
/\
* Shared by both\
 themes; colours\
 come from the p\
alette or the th\
eme file. */\x0aQLi\
stWidget#navList\
 { border: none;\
 padding: 6px 4p\
x; font-size: 10\
.5pt; outline: 0\
; }\x0aQListWidget#\
navList::item { \
padding: 7px 10p\
x; margin: 1px 2\
px; border-radiu\
s: 6px; }\x0aQFrame\
#noticeBar { bor\
der-radius: 6px;\
 padding: 2px; }\
\x0aQLabel#emptySta\
te { font-size: \
11pt; }\x0aQLabel[r\
ole=\x22fieldError\x22\
] { color: #d92d\
20; }\x0aQLabel[rol\
e=\x22source\x22] { fo\
nt-size: 8.5pt; \
}\x0aQStatusBar QLa\
bel { padding: 0\
 6px; }\x0a\
\x00\x00\x01Q\
Q\
ListWidget#navLi\
st { background:\
 #f1f2f5; }\x0aQLis\
tWidget#navList:\
:item:selected {\
 background: #e0\
e3ff; color: #1f\
2358; }\x0aQListWid\
get#navList::ite\
m:hover:!selecte\
d { background: \
#e6e8ee; }\x0aQFram\
e#noticeBar { ba\
ckground: #fff6e\
5; border: 1px s\
olid #f3d19e; }\x0a\
QLabel[role=\x22sou\
rce\x22] { color: #\
6b7280; }\x0aQLabel\
#emptyState { co\
lor: #6b7280; }\x0a\
\
\x00\x00\x00\xed\
<\
svg xmlns=\x22http:\
//www.w3.org/200\
0/svg\x22 width=\x2224\
\x22 height=\x2224\x22 vi\
ewBox=\x220 0 24 24\
\x22 fill=\x22none\x22 st\
roke=\x22#7c8594\x22 s\
troke-width=\x222\x22 \
stroke-linecap=\x22\
round\x22 stroke-li\
nejoin=\x22round\x22><\
path d=\x22m22 2-7 \
20-4-9-9-4z\x22/><p\
ath d=\x22M22 2 11 \
13\x22/></svg>\x0a\
\x00\x00\x01\x00\
<\
svg xmlns=\x22http:\
//www.w3.org/200\
0/svg\x22 width=\x2224\
\x22 height=\x2224\x22 vi\
ewBox=\x220 0 24 24\
\x22 fill=\x22none\x22 st\
roke=\x22#7c8594\x22 s\
troke-width=\x222\x22 \
stroke-linecap=\x22\
round\x22 stroke-li\
nejoin=\x22round\x22><\
path d=\x22M21 15a2\
 2 0 0 1-2 2H7l-\
4 4V5a2 2 0 0 1 \
2-2h14a2 2 0 0 1\
 2 2z\x22/></svg>\x0a\
\x00\x00\x01\x15\
<\
svg xmlns=\x22http:\
//www.w3.org/200\
0/svg\x22 width=\x2224\
\x22 height=\x2224\x22 vi\
ewBox=\x220 0 24 24\
\x22 fill=\x22none\x22 st\
roke=\x22#7c8594\x22 s\
troke-width=\x222\x22 \
stroke-linecap=\x22\
round\x22 stroke-li\
nejoin=\x22round\x22><\
path d=\x22M9 2v6\x22/\
><path d=\x22M15 2v\
6\x22/><path d=\x22M6 \
8h12v3a6 6 0 0 1\
-12 0z\x22/><path d\
=\x22M12 17v5\x22/></s\
vg>\x0a\
\x00\x00\x03\x01\
<\
svg xmlns=\x22http:\
//www.w3.org/200\
0/svg\x22 width=\x2224\
\x22 height=\x2224\x22 vi\
ewBox=\x220 0 24 24\
\x22 fill=\x22none\x22 st\
roke=\x22#7c8594\x22 s\
troke-width=\x222\x22 \
stroke-linecap=\x22\
round\x22 stroke-li\
nejoin=\x22round\x22><\
circle cx=\x2212\x22 c\
y=\x2212\x22 r=\x223\x22/><p\
ath d=\x22M19.4 15a\
1.7 1.7 0 0 0 .3\
 1.8l.1.1a2 2 0 \
1 1-2.8 2.8l-.1-\
.1a1.7 1.7 0 0 0\
-1.8-.3 1.7 1.7 \
0 0 0-1 1.5V21a2\
 2 0 1 1-4 0v-.1\
a1.7 1.7 0 0 0-1\
.1-1.5 1.7 1.7 0\
 0 0-1.8.3l-.1.1\
a2 2 0 1 1-2.8-2\
.8l.1-.1a1.7 1.7\
 0 0 0 .3-1.8 1.\
7 1.7 0 0 0-1.5-\
1H3a2 2 0 1 1 0-\
4h.1a1.7 1.7 0 0\
 0 1.5-1.1 1.7 1\
.7 0 0 0-.3-1.8l\
-.1-.1a2 2 0 1 1\
 2.8-2.8l.1.1a1.\
7 1.7 0 0 0 1.8.\
3H9a1.7 1.7 0 0 \
0 1-1.5V3a2 2 0 \
1 1 4 0v.1a1.7 1\
.7 0 0 0 1 1.5 1\
.7 1.7 0 0 0 1.8\
-.3l.1-.1a2 2 0 \
1 1 2.8 2.8l-.1.\
1a1.7 1.7 0 0 0-\
.3 1.8V9a1.7 1.7\
 0 0 0 1.5 1H21a\
2 2 0 1 1 0 4h-.\
1a1.7 1.7 0 0 0-\
1.5 1z\x22/></svg>\x0a\
\
\x00\x00\x00\xf6\
<\
svg xmlns=\x22http:\
//www.w3.org/200\
0/svg\x22 width=\x2224\
\x22 height=\x2224\x22 vi\
ewBox=\x220 0 24 24\
\x22 fill=\x22none\x22 st\
roke=\x22#7c8594\x22 s\
troke-width=\x222\x22 \
stroke-linecap=\x22\
round\x22 stroke-li\
nejoin=\x22round\x22><\
circle cx=\x2212\x22 c\
y=\x2212\x22 r=\x225\x22 fil\
l=\x22#22a55b\x22 stro\
ke=\x22#22a55b\x22/></\
svg>\x0a\
\x00\x00\x00\xe3\
<\
svg xmlns=\x22http:\
//www.w3.org/200\
0/svg\x22 width=\x2224\
\x22 height=\x2224\x22 vi\
ewBox=\x220 0 24 24\
\x22 fill=\x22none\x22 st\
roke=\x22#7c8594\x22 s\
troke-width=\x222\x22 \
stroke-linecap=\x22\
round\x22 stroke-li\
nejoin=\x22round\x22><\
path d=\x22M18 6 6 \
18\x22/><path d=\x22m6\
 6 12 12\x22/></svg\
>\x0a\
\x00\x00\x01C\
<\
svg xmlns=\x22http:\
//www.w3.org/200\
0/svg\x22 width=\x2224\
\x22 height=\x2224\x22 vi\
ewBox=\x220 0 24 24\
\x22 fill=\x22none\x22 st\
roke=\x22#7c8594\x22 s\
troke-width=\x222\x22 \
stroke-linecap=\x22\
round\x22 stroke-li\
nejoin=\x22round\x22><\
path d=\x22M3 7a2 2\
 0 0 1 2-2h4l2 2\
h8a2 2 0 0 1 2 2\
v8a2 2 0 0 1-2 2\
H5a2 2 0 0 1-2-2\
z\x22/><path d=\x22M12\
 11v5\x22/><path d=\
\x22M9.5 13.5 12 11\
l2.5 2.5\x22/></svg\
>\x0a\
\x00\x00\x01>\
<\
svg xmlns=\x22http:\
//www.w3.org/200\
0/svg\x22 width=\x2224\
\x22 height=\x2224\x22 vi\
ewBox=\x220 0 24 24\
\x22 fill=\x22none\x22 st\
roke=\x22#7c8594\x22 s\
troke-width=\x222\x22 \
stroke-linecap=\x22\
round\x22 stroke-li\
nejoin=\x22round\x22><\
ellipse cx=\x2212\x22 \
cy=\x225\x22 rx=\x228\x22 ry\
=\x223\x22/><path d=\x22M\
4 5v14c0 1.66 3.\
58 3 8 3s8-1.34 \
8-3V5\x22/><path d=\
\x22M4 12c0 1.66 3.\
58 3 8 3s8-1.34 \
8-3\x22/></svg>\x0a\
\x00\x00\x01+\
<\
svg xmlns=\x22http:\
//www.w3.org/200\
0/svg\x22 width=\x2224\
\x22 height=\x2224\x22 vi\
ewBox=\x220 0 24 24\
\x22 fill=\x22none\x22 st\
roke=\x22#7c8594\x22 s\
troke-width=\x222\x22 \
stroke-linecap=\x22\
round\x22 stroke-li\
nejoin=\x22round\x22><\
rect x=\x229\x22 y=\x229\x22\
 width=\x2213\x22 heig\
ht=\x2213\x22 rx=\x222\x22/>\
<path d=\x22M5 15H4\
a2 2 0 0 1-2-2V4\
a2 2 0 0 1 2-2h9\
a2 2 0 0 1 2 2v1\
\x22/></svg>\x0a\
\x00\x00\x01D\
<\
svg xmlns=\x22http:\
//www.w3.org/200\
0/svg\x22 width=\x2224\
\x22 height=\x2224\x22 vi\
ewBox=\x220 0 24 24\
\x22 fill=\x22none\x22 st\
roke=\x22#7c8594\x22 s\
troke-width=\x222\x22 \
stroke-linecap=\x22\
round\x22 stroke-li\
nejoin=\x22round\x22><\
rect x=\x222\x22 y=\x222\x22\
 width=\x2220\x22 heig\
ht=\x2220\x22 rx=\x225\x22 f\
ill=\x22#4f46e5\x22 st\
roke=\x22#4f46e5\x22/>\
<path d=\x22m7 8 5 \
9 5-9\x22 stroke=\x22#\
ffffff\x22 stroke-w\
idth=\x222.5\x22/></sv\
g>\x0a\
\x00\x00\x01\x81\
<\
svg xmlns=\x22http:\
//www.w3.org/200\
0/svg\x22 width=\x2224\
\x22 height=\x2224\x22 vi\
ewBox=\x220 0 24 24\
\x22 fill=\x22none\x22 st\
roke=\x22#7c8594\x22 s\
troke-width=\x222\x22 \
stroke-linecap=\x22\
round\x22 stroke-li\
nejoin=\x22round\x22><\
rect x=\x223\x22 y=\x224\x22\
 width=\x2218\x22 heig\
ht=\x224\x22 rx=\x221\x22/><\
rect x=\x223\x22 y=\x2210\
\x22 width=\x2218\x22 hei\
ght=\x224\x22 rx=\x221\x22/>\
<rect x=\x223\x22 y=\x221\
6\x22 width=\x2218\x22 he\
ight=\x224\x22 rx=\x221\x22/\
><path d=\x22M7 6h4\
\x22/><path d=\x22M7 1\
2h8\x22/><path d=\x22M\
7 18h2\x22/></svg>\x0a\
\
\x00\x00\x00\xf6\
<\
svg xmlns=\x22http:\
//www.w3.org/200\
0/svg\x22 width=\x2224\
\x22 height=\x2224\x22 vi\
ewBox=\x220 0 24 24\
\x22 fill=\x22none\x22 st\
roke=\x22#7c8594\x22 s\
troke-width=\x222\x22 \
stroke-linecap=\x22\
round\x22 stroke-li\
nejoin=\x22round\x22><\
circle cx=\x2212\x22 c\
y=\x2212\x22 r=\x225\x22 fil\
l=\x22#9aa1ab\x22 stro\
ke=\x22#9aa1ab\x22/></\
svg>\x0a\
\x00\x00\x01l\
<\
svg xmlns=\x22http:\
//www.w3.org/200\
0/svg\x22 width=\x2224\
\x22 height=\x2224\x22 vi\
ewBox=\x220 0 24 24\
\x22 fill=\x22none\x22 st\
roke=\x22#7c8594\x22 s\
troke-width=\x222\x22 \
stroke-linecap=\x22\
round\x22 stroke-li\
nejoin=\x22round\x22><\
path d=\x22M10.3 3.\
9 1.8 18a2 2 0 0\
 0 1.7 3h17a2 2 \
0 0 0 1.7-3L13.7\
 3.9a2 2 0 0 0-3\
.4 0z\x22 stroke=\x22#\
d97706\x22/><path d\
=\x22M12 9v4\x22 strok\
e=\x22#d97706\x22/><pa\
th d=\x22M12 17h.01\
\x22 stroke=\x22#d9770\
6\x22/></svg>\x0a\
\x00\x00\x00\xe8\
<\
svg xmlns=\x22http:\
//www.w3.org/200\
0/svg\x22 width=\x2224\
\x22 height=\x2224\x22 vi\
ewBox=\x220 0 24 24\
\x22 fill=\x22none\x22 st\
roke=\x22#7c8594\x22 s\
troke-width=\x222\x22 \
stroke-linecap=\x22\
round\x22 stroke-li\
nejoin=\x22round\x22><\
rect x=\x226\x22 y=\x226\x22\
 width=\x2212\x22 heig\
ht=\x2212\x22 rx=\x222\x22/>\
</svg>\x0a\
"

qt_resource_name = b"\
\x00\x05\
\x00o\xa6S\
\x00i\
\x00c\x00o\x00n\x00s\
\x00\x06\
\x07\xac\x02\xc3\
\x00s\
\x00t\x00y\x00l\x00e\x00s\
\x00\x08\
\x08\x8eU\xe3\
\x00d\
\x00a\x00r\x00k\x00.\x00q\x00s\x00s\
\x00\x0a\
\x04l\x14#\
\x00c\
\x00o\x00m\x00m\x00o\x00n\x00.\x00q\x00s\x00s\
\x00\x09\
\x0d\xf7\xbdC\
\x00l\
\x00i\x00g\x00h\x00t\x00.\x00q\x00s\x00s\
\x00\x08\
\x0cGU\xe7\
\x00s\
\x00e\x00n\x00d\x00.\x00s\x00v\x00g\
\x00\x08\
\x0e\x87W\xe7\
\x00c\
\x00h\x00a\x00t\x00.\x00s\x00v\x00g\
\x00\x0e\
\x0a?5'\
\x00c\
\x00o\x00n\x00n\x00e\x00c\x00t\x00o\x00r\x00s\x00.\x00s\x00v\x00g\
\x00\x0c\
\x0b\xdf,\xc7\
\x00s\
\x00e\x00t\x00t\x00i\x00n\x00g\x00s\x00.\x00s\x00v\x00g\
\x00\x0a\
\x00J\x90\xa7\
\x00o\
\x00n\x00l\x00i\x00n\x00e\x00.\x00s\x00v\x00g\
\x00\x09\
\x06\x98\x8e\xa7\
\x00c\
\x00l\x00o\x00s\x00e\x00.\x00s\x00v\x00g\
\x00\x0b\
\x07%7\xc7\
\x00s\
\x00t\x00o\x00r\x00a\x00g\x00e\x00.\x00s\x00v\x00g\
\x00\x0d\
\x0c\xd2\xaag\
\x00d\
\x00a\x00t\x00a\x00b\x00a\x00s\x00e\x00s\x00.\x00s\x00v\x00g\
\x00\x08\
\x06|W\x87\
\x00c\
\x00o\x00p\x00y\x00.\x00s\x00v\x00g\
\x00\x07\
\x08sZ\x07\
\x00a\
\x00p\x00p\x00.\x00s\x00v\x00g\
\x00\x08\
\x05\x96T\xe7\
\x00j\
\x00o\x00b\x00s\x00.\x00s\x00v\x00g\
\x00\x0b\
\x00\xaf\xc0\xa7\
\x00o\
\x00f\x00f\x00l\x00i\x00n\x00e\x00.\x00s\x00v\x00g\
\x00\x0b\
\x00\xb5Hg\
\x00w\
\x00a\x00r\x00n\x00i\x00n\x00g\x00.\x00s\x00v\x00g\
\x00\x08\
\x0bcU\x87\
\x00s\
\x00t\x00o\x00p\x00.\x00s\x00v\x00g\
"

qt_resource_struct = b"\
\x00\x00\x00\x00\x00\x02\x00\x00\x00\x02\x00\x00\x00\x01\
\x00\x00\x00\x00\x00\x02\x00\x00\x00\x0e\x00\x00\x00\x06\
\x00\x00\x00\x10\x00\x02\x00\x00\x00\x03\x00\x00\x00\x03\
\x00\x00\x008\x00\x00\x00\x00\x00\x01\x00\x00\x01U\
\x00\x00\x00\x22\x00\x00\x00\x00\x00\x01\x00\x00\x00\x00\
\x00\x00\x00R\x00\x00\x00\x00\x00\x01\x00\x00\x032\
\x00\x00\x00\xd6\x00\x00\x00\x00\x00\x01\x00\x00\x0a\x9a\
\x00\x00\x01\x84\x00\x00\x00\x00\x00\x01\x00\x00\x13\x00\
\x00\x00\x01\xa0\x00\x00\x00\x00\x00\x01\x00\x00\x13\xfa\
\x00\x00\x01n\x00\x00\x00\x00\x00\x01\x00\x00\x11{\
\x00\x00\x01D\x00\x00\x00\x00\x00\x01\x00\x00\x0f\x04\
\x00\x00\x00\xf0\x00\x00\x00\x00\x00\x01\x00\x00\x0b\x94\
\x00\x00\x01\x08\x00\x00\x00\x00\x00\x01\x00\x00\x0c{\
\x00\x00\x01Z\x00\x00\x00\x00\x00\x01\x00\x00\x103\
\x00\x00\x00\x96\x00\x00\x00\x00\x00\x01\x00\x00\x06|\
\x00\x00\x01\xbc\x00\x00\x00\x00\x00\x01\x00\x00\x15j\
\x00\x00\x00\xb8\x00\x00\x00\x00\x00\x01\x00\x00\x07\x95\
\x00\x00\x00j\x00\x00\x00\x00\x00\x01\x00\x00\x04\x87\
\x00\x00\x01$\x00\x00\x00\x00\x00\x01\x00\x00\x0d\xc2\
\x00\x00\x00\x80\x00\x00\x00\x00\x00\x01\x00\x00\x05x\
"

def qInitResources():
    QtCore.qRegisterResourceData(0x01, qt_resource_struct, qt_resource_name, qt_resource_data)

def qCleanupResources():
    QtCore.qUnregisterResourceData(0x01, qt_resource_struct, qt_resource_name, qt_resource_data)

qInitResources()
