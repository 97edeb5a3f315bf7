import type { Rng } from './prng';
import { describeItems, rupees, type Order } from './orders';
import type { AtomsOutcome } from './types';

// Scripted COD-confirmation conversations (6–10 turns) in the Hinglish these agents speak.

export interface Line { role: 'agent' | 'user'; content: string }

export function codConversation(rng: Rng, order: Order, disposition: AtomsOutcome, direction: 'inbound' | 'outbound', agentName: string): Line[] {
  const name = order.customer.firstName;
  const items = describeItems(order.items);
  const total = rupees(order.total);
  const agent = (content: string): Line => ({ role: 'agent', content });
  const user = (content: string): Line => ({ role: 'user', content });

  const opening: Line[] =
    direction === 'outbound'
      ? [
          agent(`Namaste ${name} ji, main ${agentName} bol rahi hoon ${order.store} se. Kya abhi ek minute baat ho sakti hai?`),
          user(rng.pick(['Haan, boliye.', 'Yes, tell me.', 'Haan ji, kaun bol raha hai?'])),
        ]
      : [
          agent(`Thank you for calling ${order.store}, this is ${agentName}. How can I help you today?`),
          user(rng.pick(['I got a missed call about my order.', 'Mera order ke baare mein call aaya tha, miss ho gaya.'])),
        ];
  const orderLine = agent(`Aapne ${items} order kiya hai, total ${total}, cash on delivery. Shipping se pehle main confirm karna chahti hoon.`);

  switch (disposition) {
    case 'successful':
      return [
        ...opening,
        orderLine,
        user(rng.pick(['Haan, maine hi order kiya tha.', 'Yes, I ordered that.'])),
        agent(`Delivery ${order.address.address1}, ${order.address.city} ${order.address.zip} pe karni hai, sahi hai?`),
        user(rng.pick(['Haan, wahi address. Delivery se pehle call kar dena.', 'Yes, same address.'])),
        agent(`Delivery ke time ${total} cash ready rakhiye. Order ${rng.int(3, 5)} se ${rng.int(6, 7)} din mein pahunch jayega.`),
        user(rng.pick(['Theek hai, thank you.', 'Okay, thanks.'])),
        agent(`Thank you ${name} ji, aapka order confirm ho gaya hai. Have a nice day!`),
      ];
    case 'unsuccessful':
      return [
        ...opening,
        orderLine,
        user(rng.pick(['Actually mujhe cancel karna hai, galti se order ho gaya.', 'I found it cheaper elsewhere, please cancel it.'])),
        agent('Samajh gayi. Agar aap order rakhte hain to hum 10% discount de sakte hain. Kya aap rakhna chahenge?'),
        user('Nahi, please cancel kar dijiye.'),
        agent('Koi baat nahi, maine cancellation note kar liya hai. Aapko kuch pay nahi karna padega.'),
        user('Okay, thanks.'),
      ];
    case 'callback_requested':
      return [
        ...opening.slice(0, 1),
        user(rng.pick(['Abhi main drive kar raha hoon, baad mein call kar sakte ho?', 'I am in a meeting, can you call later?'])),
        agent('Bilkul. Aapke liye kaunsa time theek rahega?'),
        user(rng.pick(['Shaam 7 baje ke baad.', 'Kal subah 11 baje.'])),
        agent(`Noted. Hum aapko ${order.store} ke ${total} wale order ke liye tab call karenge.`),
        user('Okay.'),
        agent('Thank you, aapka din shubh rahe.'),
      ];
  }
}
