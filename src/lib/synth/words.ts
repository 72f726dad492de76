/**
 * Word lists for synthetic mail, written for this project: invented people (first and last
 * names combined at random, so no real person is meant), and the vocabulary of a 2002
 * kernel networking list, most common words first.
 */

export const FIRST_NAMES = [
  'Ada',
  'Bruno',
  'Carla',
  'Dmitri',
  'Elena',
  'Farid',
  'Greta',
  'Hiro',
  'Ines',
  'Jonas',
  'Kira',
  'Lars',
  'Mira',
  'Nils',
  'Olga',
  'Pavel',
  'Quinn',
  'Rosa',
  'Sven',
  'Tara',
  'Udo',
  'Vera',
  'Wim',
  'Xenia',
  'Yusuf',
  'Zora',
  'Anton',
  'Bea',
  'Cyril',
  'Dora',
  'Emil',
  'Fenna',
  'Gunnar',
  'Hanne',
  'Igor',
  'Jörg',
  'Kai',
  'Lena',
  'Marek',
  'Noor',
  'Otto',
  'Petra',
  'Rafael',
  'Sanna',
  'Timo',
  'Ulla',
  'Viktor',
  'Wanda',
];

export const LAST_NAMES = [
  'Abel',
  'Brandt',
  'Castell',
  'Dorn',
  'Eklund',
  'Falk',
  'Gruber',
  'Holm',
  'Ivers',
  'Jansen',
  'Krause',
  'Lindqvist',
  'Moreau',
  'Nyberg',
  'Ortega',
  'Pohl',
  'Quist',
  'Rask',
  'Sauer',
  'Tamm',
  'Ulrich',
  'Voss',
  'Weber',
  'Yilmaz',
  'Zeller',
  'Achterberg',
  'Bianchi',
  'Coelho',
  'Dahl',
  'Engel',
  'Fischer',
  'Groß',
  'Haas',
  'Iversen',
  'Jovanović',
  'Keller',
  'Lund',
  'Maier',
  'Novak',
  'Olsen',
  'Peña',
  'Rossi',
];

export const ORGS = [
  'a university cluster group',
  'a storage start-up',
  'a national laboratory',
  'a network card vendor',
  'a distribution kernel team',
  'an HPC integrator',
  'a telecom research lab',
  'an embedded systems shop',
];

/** Most frequent first: the generator draws with a Zipf-like bias toward the front. */
export const VOCABULARY = (
  'the of to and a in is it that for on with this be not we as are have but at if you or from by ' +
  'packet copy receive send skb driver kernel path socket buffer cpu cache memory tcp ip zero interrupt ' +
  'patch bandwidth latency throughput ack window segment mtu checksum page dma netif_rx softirq queue ' +
  'card bus pci numbers test benchmark gigabit rate slower faster overhead cost per byte time loop ' +
  'lock spinlock context switch user space syscall sendfile mmap recvmsg sendmsg tcp_recvmsg ' +
  'csum_partial_copy memcpy copy_to_user napi polling coalescing descriptor ring fragment header ' +
  'offload hardware firmware vendor source binary module license interface api stack layer protocol ' +
  'measurement profile oprofile cycles instruction branch miss stall prefetch alignment cacheline ' +
  'smp uniprocessor irq affinity scheduler wakeup sleep process thread application netperf ttcp ' +
  'iperf result graph run machine node cluster switch link fabric interconnect elan quadrics myrinet ' +
  'ethernet jumbo frame delay delayed ack prequeue backlog receiver sender side slowest half twice ' +
  'maybe probably certainly think see seems looks guess agree disagree question answer reason ' +
  'because since although however still already again also only just even much more less most ' +
  'numbers show fix bug regression version release tree merge apply against compile build boot ' +
  'crash oops trace log message list thread reply earlier later yesterday today week month'
).split(' ');

/** A few kernel source paths for patches. */
export const SOURCE_FILES = [
  'net/ipv4/tcp_input.c',
  'net/ipv4/tcp_output.c',
  'net/core/skbuff.c',
  'net/core/dev.c',
  'net/ipv4/ip_input.c',
  'include/linux/skbuff.h',
  'drivers/net/example_gige.c',
  'net/socket.c',
];
