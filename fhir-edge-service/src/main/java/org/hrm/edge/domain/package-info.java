/** What the edge decides before anything leaves the hospital: owners, problems, prepared and submitted records. */
package org.hrm.edge.domain;
