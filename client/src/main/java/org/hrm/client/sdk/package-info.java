/**
 * The inner encryption layer, HPKE key shares and provenance signatures (see DESIGN.md, "The two encryption
 * layers"); plain Java and BouncyCastle, no Kafka.
 *
 * <p>Entry points: {@link org.hrm.client.sdk.RecordEncryptor}, {@link org.hrm.client.sdk.RecordDecryptor}, {@link
 * org.hrm.client.sdk.PartyKeys} and {@link org.hrm.client.sdk.PartyKeyFile}. Everything a party's private key does
 * goes through a {@link org.hrm.client.sdk.PartyKeyHolder}: {@code PartyKeys} in memory, or {@link
 * org.hrm.client.sdk.Pkcs11PartyKey} in a PKCS#11 token (an HSM). Every failure caused by the bytes of a
 * record (envelope, share, signature) is a {@link org.hrm.client.sdk.RecordCryptoException}; malformed arguments from
 * the caller are {@link IllegalArgumentException}s.
 */
package org.hrm.client.sdk;
