import type { Customer } from '../../api/types';
import type { Location } from '../../api/site-types';
import { useT } from '../i18n';
import { addressLine, mapsUrl, telHref } from './describe';
import { IconMail, IconMap, IconPhone } from './icons';
import { ButtonLink, Section } from './kit';

function ContactLinks({ name, phone, email }: { name: string; phone: string | null; email: string | null }) {
  const t = useT();
  return (
    <>
      {phone && (
        <ButtonLink href={telHref(phone)} aria-label={t('workOrder.call', { name, phone })}>
          <IconPhone size={18} />
          <span className="btn-text">{phone}</span>
        </ButtonLink>
      )}
      {email && (
        <ButtonLink href={`mailto:${email}`} aria-label={t('workOrder.mail', { name, email })}>
          <IconMail size={18} />
          <span className="btn-text">{email}</span>
        </ButtonLink>
      )}
    </>
  );
}

export function CustomerContacts({ customer }: { customer: Customer }) {
  const t = useT();
  if (!customer.phone && !customer.mobile && !customer.email) return null;
  return (
    <Section title={t('workOrder.customer')}>
      <p className="row-title">{customer.name}</p>
      <div className="contact-links">
        <ContactLinks name={customer.name} phone={customer.mobile ?? customer.phone} email={customer.email} />
        {customer.mobile && customer.phone && (
          <ContactLinks name={customer.name} phone={customer.phone} email={null} />
        )}
      </div>
    </Section>
  );
}

export function LocationCard({ location, customer }: { location: Location; customer: Customer | null }) {
  const t = useT();
  return (
    <Section title={t('workOrder.location')}>
      <address className="address">
        {location.name && <span className="row-title">{location.name}</span>}
        <span>{addressLine(location, t)}</span>
      </address>
      <div className="contact-links">
        <ButtonLink href={mapsUrl(location, t)} target="_blank" rel="noopener noreferrer">
          <IconMap size={18} />
          {t('workOrder.openMaps')}
        </ButtonLink>
      </div>
      {location.contacts.length > 0 && (
        <>
          <h3>{t('workOrder.contacts')}</h3>
          <ul className="list plain">
            {location.contacts.map((contact, index) => (
              <li key={contact.id ?? index} className="contact">
                <span className="row-title">
                  {contact.name}
                  {contact.role && <span className="muted"> · {contact.role}</span>}
                </span>
                <div className="contact-links">
                  <ContactLinks name={contact.name} phone={contact.phone} email={contact.email} />
                </div>
              </li>
            ))}
          </ul>
        </>
      )}
      {customer && (customer.phone || customer.mobile || customer.email) && (
        <>
          <h3>{t('workOrder.customer')}</h3>
          <p className="row-title">{customer.name}</p>
          <div className="contact-links">
            <ContactLinks
              name={customer.name}
              phone={customer.mobile ?? customer.phone}
              email={customer.email}
            />
          </div>
        </>
      )}
    </Section>
  );
}
